// A typed client of WWE's Service Client API over the parent link: requests matched to answers by
// referenceId (with a timeout, as WWE ignores requests it rate-limits and may not answer at all),
// subscriptions, and events. Every message from WWE is checked against its schema; what does not
// match is logged and dropped.
import { SCAPI_CLIENT_AGENT, SCAPI_PROTOCOL_VERSION } from '../../../shared/scapi-constants';
import type {
  ScapiAnswer,
  ScapiEvent,
  ScapiFailure,
  ScapiOutgoing,
  ScapiSubscribed,
} from '../../../shared/scapi-messages';
import * as scapi from '../../../shared/scapi-messages?validators';
import type { OriginRule } from '../../lib/origins';
import { linkParent } from '../../lib/parent-link';
import { type Guard, guard } from '../../lib/schema';
import { tapWire } from '../../lib/wire-tap';

const isEvent = guard<ScapiEvent>(scapi.ScapiEvent, 'SCAPI event');
const isSubscribed = guard<ScapiSubscribed>(scapi.ScapiSubscribed, 'SCAPI subscription');
const isFailure = guard<ScapiFailure>(scapi.ScapiFailure, 'SCAPI failure');
const isAnswer = guard<ScapiAnswer>(scapi.ScapiAnswer, 'SCAPI answer');

/** WWE's own client gives up after 10 s; so do we. */
export const SCAPI_TIMEOUT_MS = 10_000;

/** WWE answered with `errorMessage` (e.g. a service its security options do not allow). */
export class ScapiError extends Error {
  override name = 'ScapiError';
}
export class ScapiTimeoutError extends Error {
  override name = 'ScapiTimeoutError';
}

export interface ScapiClient {
  /** Sends `namespace.method` with positional parameters; resolves with the answer's `data`. */
  request<T>(name: string, parameters: unknown[], check: Guard<T>, timeoutMs?: number): Promise<T>;
  /** Subscribes to events by name; resolves with the subscription id. */
  subscribe(events: string[], timeoutMs?: number): Promise<string>;
  dispose(): void;
}

interface Pending {
  resolve(message: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function connectScapi(
  win: Window,
  rules: readonly OriginRule[],
  handlers: { onEvent(event: ScapiEvent): void; log(message: string, detail?: unknown): void },
): ScapiClient | null {
  const pending = new Map<string, Pending>();
  // A prefix per page load: a late answer to a previous load of this frame never matches.
  const prefix = `uhw-${Math.random().toString(36).slice(2, 8)}-`;
  let next = 0;

  const settle = (referenceId: string, outcome: (entry: Pending) => void): boolean => {
    const entry = pending.get(referenceId);
    if (!entry) return false;
    pending.delete(referenceId);
    clearTimeout(entry.timer);
    outcome(entry);
    return true;
  };

  const link = linkParent(
    win,
    rules,
    (data, origin) => {
      tapWire('scapi', 'in', data, { origin });
      // Events first: the sample client dispatches on `event` before `referenceId`.
      if (isEvent(data)) {
        handlers.onEvent(data);
        return true;
      }
      const reference = (data as { referenceId?: unknown } | null)?.referenceId;
      if (isFailure(data)) {
        return settle(data.referenceId, (entry) => entry.reject(new ScapiError(data.errorMessage)));
      }
      if (isSubscribed(data) || isAnswer(data)) {
        return settle(data.referenceId, (entry) => entry.resolve(data));
      }
      handlers.log(
        `WWE message from ${origin} ignored: ${typeof reference === 'string' ? isAnswer.explain(data) : isEvent.explain(data)}`,
      );
      return false;
    },
    (message) => handlers.log(message),
  );
  if (!link) return null;

  const send = (message: Omit<ScapiOutgoing, 'userAgent' | 'protocolVersion'>, timeoutMs: number) =>
    new Promise<unknown>((resolve, reject) => {
      const referenceId = (message as { referenceId: string }).referenceId;
      const timer = setTimeout(() => {
        pending.delete(referenceId);
        reject(new ScapiTimeoutError(`WWE did not answer ${messageName(message)} in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(referenceId, { resolve, reject, timer });
      const full = { ...message, userAgent: SCAPI_CLIENT_AGENT, protocolVersion: SCAPI_PROTOCOL_VERSION };
      tapWire('scapi', 'out', full);
      link.post(full);
    });

  return {
    async request(name, parameters, check, timeoutMs = SCAPI_TIMEOUT_MS) {
      const referenceId = `${prefix}${next++}`;
      const message =
        parameters.length > 0 ? { request: name, parameters, referenceId } : { request: name, referenceId };
      const answer = (await send(message, timeoutMs)) as ScapiAnswer;
      if (!check(answer.data))
        throw new ScapiError(`${name}: unexpected answer (${check.explain(answer.data)})`);
      return answer.data;
    },
    async subscribe(events, timeoutMs = SCAPI_TIMEOUT_MS) {
      const referenceId = `${prefix}${next++}`;
      const answer = await send({ event: 'subscribe', data: events, referenceId }, timeoutMs);
      if (!isSubscribed(answer)) throw new ScapiError(`subscribe ${events.join(',')}: no subscription id`);
      return answer.subscriptionId;
    },
    dispose() {
      link.dispose();
      for (const [referenceId] of pending) settle(referenceId, (entry) => entry.reject(new Error('closed')));
    },
  };
}

const messageName = (message: object) =>
  'request' in message
    ? String(message.request)
    : `subscribe ${JSON.stringify((message as { data: unknown }).data)}`;
