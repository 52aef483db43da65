// What replaying a capture takes, worked out once from its entries (pure): the CometD messages to
// publish and when, what the simulated UCS and Uniphore must answer so that the same lookups
// succeed, the script the simulated WWE desktop plays to the widget, and the outcomes to expect.
import type { Capture, CaptureEntry } from '../../shared/capture';
import type { Attribute } from '../../shared/lookup-constants';
import { isAttribute } from '../../shared/lookup-constants';
import type { PopReport } from '../../shared/pop-report';

export interface TimedMessage {
  /** ms after the first of its kind (CometD) or after the widget's subscribe (SCAPI events). */
  atMs: number;
  channel?: string;
  message: unknown;
}

export interface ScriptedAnswer {
  /** How long WWE took to answer at the site, ms. */
  delayMs: number;
  /** The answer as WWE sent it; the replay puts the widget's new referenceId in. */
  message: Record<string, unknown>;
}

/** What the simulated desktop plays (GET /sim/captures/:id/script). */
export interface ScapiScript {
  events: TimedMessage[];
  /** Answers by request name (`subscribe` for subscriptions), in the order they were given. */
  answers: Record<string, ScriptedAnswer[]>;
}

export interface ReplayPlan {
  cometd: TimedMessage[];
  /** The channel the site's createInteractionResponse came on. */
  ucsChannel?: string;
  /** GWS call id → what UCS answered for it. */
  ucs: { callId: string; interactionId?: string; errorMessage?: string; silent?: boolean }[];
  /** The Uniphore records the found pops imply. */
  records: { attribute: Attribute; value: string; uniqueId: string }[];
  scapi: ScapiScript;
  expected: PopReport[];
  /** What the replay cannot reproduce, or had to guess. */
  warnings: string[];
}

export const DEFAULT_MAX_GAP_MS = 5_000;
/** An answer slower than WWE's own 10 s timeout was no answer for the widget. */
const MAX_ANSWER_DELAY_MS = 10_000;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const reference = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Offsets from the first moment, each quiet spell longer than `maxGapMs` cut to it. */
function compressed<T extends { at: number }>(items: T[], start: number, maxGapMs: number): number[] {
  let previous = start;
  let offset = 0;
  return items.map((item) => {
    offset += Math.min(Math.max(0, item.at - previous), maxGapMs);
    previous = Math.max(previous, item.at);
    return offset;
  });
}

function scapiScript(entries: CaptureEntry[], maxGapMs: number, warnings: string[]): ScapiScript {
  const asked = new Map<string, { name: string; at: number }>();
  const answers: Record<string, ScriptedAnswer[]> = {};
  const events: { at: number; message: unknown }[] = [];
  let subscribedAt: number | undefined;
  for (const entry of entries) {
    if (entry.via !== 'scapi' || !isObject(entry.data)) continue;
    const { data } = entry;
    const referenceId = reference(data.referenceId);
    if (entry.dir === 'out') {
      const name = data.event === 'subscribe' ? 'subscribe' : text(data.request);
      if (name === 'subscribe') subscribedAt ??= entry.at;
      if (name && referenceId !== undefined) asked.set(referenceId, { name, at: entry.at });
      continue;
    }
    if (typeof data.event === 'string') {
      events.push({ at: entry.at, message: data });
      continue;
    }
    const request = referenceId === undefined ? undefined : asked.get(referenceId);
    if (!request) {
      warnings.push(`a WWE answer at ${entry.at} ms answers no request of the capture: not played`);
      continue;
    }
    asked.delete(referenceId!);
    const delayMs = Math.min(Math.max(0, entry.at - request.at), MAX_ANSWER_DELAY_MS);
    answers[request.name] = [...(answers[request.name] ?? []), { delayMs, message: data }];
  }
  const start = subscribedAt ?? events[0]?.at ?? 0;
  const offsets = compressed(events, start, maxGapMs);
  return {
    events: events.map((event, index) => ({ atMs: offsets[index]!, message: event.message })),
    answers,
  };
}

/** GWS call ids in the order the capture first shows them (CometD calls, WWE interactions' callUuid). */
function callIdsInOrder(entries: CaptureEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!isObject(entry.data)) continue;
    const call = entry.via === 'cometd' && isObject(entry.data.call) ? text(entry.data.call.id) : undefined;
    const interaction = entry.via === 'scapi' && isObject(entry.data.data) ? entry.data.data : undefined;
    const id = call ?? text(interaction?.callUuid);
    if (id) ids.add(id);
  }
  return [...ids];
}

/**
 * Which call each createInteractionResponse was for: FindPhoneCall's body names the call, GWS's
 * HTTP answer gives the referenceId (requests and answers paired in order), the notification
 * repeats it. Without `ucs` entries, the answers are paired with the calls in order of appearance.
 */
function ucsAnswers(entries: CaptureEntry[], warnings: string[]): ReplayPlan['ucs'] {
  const sent: string[] = [];
  const byReference = new Map<string, string>();
  const unanswered = new Set<string>();
  const notifications: Json[] = [];
  for (const entry of entries) {
    if (!isObject(entry.data)) continue;
    if (entry.via === 'ucs' && entry.dir === 'out') {
      const callId = text(entry.data.callId);
      if (callId) sent.push(callId);
      if (callId) unanswered.add(callId);
    } else if (entry.via === 'ucs' && entry.dir === 'in') {
      const callId = sent.shift();
      const referenceId = reference(entry.data.referenceId);
      if (callId && referenceId !== undefined) byReference.set(referenceId, callId);
    } else if (entry.via === 'cometd' && entry.data.messageType === 'createInteractionResponse') {
      notifications.push(entry.data);
    }
  }
  const out: ReplayPlan['ucs'] = [];
  const calls = callIdsInOrder(entries);
  const pairedByOrder = byReference.size === 0 && notifications.length > 0;
  if (pairedByOrder) warnings.push('no FindPhoneCall in the capture: UCS answers paired with calls in order');
  for (const [index, notification] of notifications.entries()) {
    const referenceId = reference(notification.referenceId);
    const callId = pairedByOrder
      ? calls[index]
      : referenceId === undefined
        ? undefined
        : byReference.get(referenceId);
    if (!callId) continue;
    unanswered.delete(callId);
    const interactionId = text(notification.interactionId);
    const errorMessage = text(notification.errorMessage);
    if (interactionId) out.push({ callId, interactionId });
    else out.push({ callId, errorMessage: errorMessage ?? 'UCS request failed' });
  }
  // Asked and never answered on CometD: the widget timed out at the site, and must here too.
  for (const callId of unanswered) out.push({ callId, silent: true });
  return out;
}

function records(pops: PopReport[], warnings: string[]): ReplayPlan['records'] {
  const out: ReplayPlan['records'] = [];
  for (const pop of pops) {
    if (pop.outcome === 'error') {
      warnings.push(
        `call ${pop.callId} failed at the site (${pop.errorCode ?? 'error'}); the simulated Uniphore answers, so expect a difference`,
      );
    }
    if (pop.outcome !== 'found') continue;
    if (!pop.attribute || !isAttribute(pop.attribute) || !pop.value || !pop.uniqueId) {
      warnings.push(
        `call ${pop.callId} was found, but its pop report lacks the attribute, value or unique id`,
      );
      continue;
    }
    out.push({ attribute: pop.attribute, value: pop.value, uniqueId: pop.uniqueId });
  }
  return out;
}

export function planReplay(capture: Capture, options: { maxGapMs?: number } = {}): ReplayPlan {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const warnings: string[] = [];
  const { entries } = capture;
  const published = entries.filter(
    (entry): entry is Extract<CaptureEntry, { via: 'cometd' }> =>
      entry.via === 'cometd' &&
      !entry.channel.startsWith('/meta/') &&
      !(isObject(entry.data) && entry.data.messageType === 'createInteractionResponse'),
  );
  const offsets = compressed(published, published[0]?.at ?? 0, maxGapMs);
  const ucsChannel = entries.find(
    (entry): entry is Extract<CaptureEntry, { via: 'cometd' }> =>
      entry.via === 'cometd' &&
      isObject(entry.data) &&
      entry.data.messageType === 'createInteractionResponse',
  )?.channel;
  const expected = entries.flatMap((entry) => (entry.via === 'pop' ? [entry.data] : []));
  return {
    cometd: published.map((entry, index) => ({
      atMs: offsets[index]!,
      channel: entry.channel,
      message: entry.data,
    })),
    ...(ucsChannel ? { ucsChannel } : {}),
    ucs: ucsAnswers(entries, warnings),
    records: records(expected, warnings),
    scapi: scapiScript(entries, maxGapMs, warnings),
    expected,
    warnings,
  };
}
