// Runs the pop of each call: FindPhoneCall → correlation → parallel lookups → winner. It owns no UI:
// it writes to the pops store, so a pop proceeds whatever the screen shows. I/O comes in as deps.
import type { Call, FindPhoneCallAck, FindPhoneCallRequest } from '../../../../shared/gws-messages';
import type { Attribute } from '../../../../shared/lookup-api';
import { resolveSource } from '../../../../shared/lookup-order';
import type { WidgetConfig } from '../../../../shared/widget-config';
import { HttpError } from '../../../lib/http';
import type { UniqueIdResult } from '../../lookup/api/get-unique-id';
import type { Attempt } from '../../lookup/model/resolve-lookups';
import { callerNumber, classifyNotification } from '../model/call-event';
import { CorrelationTimeoutError, Correlator } from '../model/correlation';
import { toFindPhoneCallRequest } from '../model/find-phone-call-request';
import { decidePop, type HandledCall, lookupInputs, type PopDecision } from '../model/pop-decision';
import { type Pop, popResolution, popsActions, usePopsStore } from '../store/pops-store';

export interface PopEngineDeps {
  config: WidgetConfig;
  findPhoneCall(request: FindPhoneCallRequest): Promise<FindPhoneCallAck>;
  /**
   * Resolves true once GWS would publish the FindPhoneCall answer to us (the notification
   * subscription is acknowledged), false when that did not happen within `timeoutMs`. GWS does not
   * replay notifications, so FindPhoneCall is never sent before.
   */
  ucsReady(timeoutMs: number): Promise<boolean>;
  lookupUniqueId(attribute: Attribute, value: string): Promise<UniqueIdResult>;
  log(message: string, detail?: unknown): void;
  /** Called once per run of a pop when its outcome is known: shown, not found or failed. */
  onSettled?(pop: Pop): void;
  now?: () => number;
}

/** Released calls stay on screen this long, then make room. */
const RELEASED_KEEP_MS = 60_000;
/** Call ids remembered after release so late or repeated events never pop again. */
const MAX_HANDLED = 2_000;

const errorCode = (error: unknown): string =>
  error instanceof HttpError ? (error.code ?? `http_${error.status}`) : 'network_error';

export class PopEngine {
  private readonly handled = new Map<string, HandledCall>();
  private readonly generations = new Map<string, number>();
  private readonly removals = new Map<string, ReturnType<typeof setTimeout>>();
  readonly correlator = new Correlator();
  private readonly now: () => number;

  constructor(private readonly deps: PopEngineDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Entry point for every `/v2/me/*` message. Never throws: a broken payload is logged and dropped. */
  handleNotification(channel: string, data: unknown): void {
    const notification = classifyNotification(data);
    switch (notification.kind) {
      case 'call':
        this.handleCall(notification.message.call);
        return;
      case 'ucs': {
        const outcome = this.correlator.accept(notification.message);
        if (outcome === 'duplicate')
          this.deps.log('duplicate createInteractionResponse ignored', notification.message);
        return;
      }
      case 'malformed':
        this.deps.log(`malformed notification on ${channel} dropped: ${notification.reason}`);
        return;
      default:
        return;
    }
  }

  /** `live` false: found by a resync, so possibly older than the call on screen, which keeps focus. */
  handleCall(call: Call, live = true): PopDecision {
    const caller = callerNumber(call);
    const inputs = lookupInputs(call, caller, this.deps.config.lookupOrder);
    const handled = this.handled.get(call.id);
    const decision = decidePop(handled, call, inputs);
    const snapshot = {
      caller,
      dnis: call.dnis,
      callType: call.callType,
      callState: call.state,
      userData: call.userData,
    };
    switch (decision) {
      case 'start':
        this.remember(call.id, { lookupInputs: inputs, released: false });
        popsActions.add(
          {
            callId: call.id,
            ...snapshot,
            receivedAt: this.now(),
            ucs: { status: 'pending' },
            attempts: [],
            released: false,
          },
          live,
        );
        void this.run(call, caller, true);
        break;
      case 'refresh':
        this.remember(call.id, { lookupInputs: inputs, released: false });
        popsActions.patch(call.id, snapshot);
        // Data the lookups depend on arrived late (e.g. historySearchId attached after ringing).
        void this.run(call, caller, false);
        break;
      case 'update':
        popsActions.patch(call.id, snapshot);
        break;
      case 'release':
        this.remember(call.id, { lookupInputs: inputs, released: true });
        popsActions.patch(call.id, { ...snapshot, released: true, releasedAt: this.now() });
        this.scheduleRemoval(call.id);
        void this.reportStopped(call, caller);
        break;
      default:
        break;
    }
    return decision;
  }

  /** After a re-handshake: pop calls that rang or were answered while we were away; never twice. */
  resync(calls: readonly Call[]): void {
    const hadActive = usePopsStore.getState().activeId !== null;
    let newest: string | undefined;
    for (const call of calls) if (this.handleCall(call, false) === 'start') newest = call.id;
    // GWS lists calls oldest first: with nothing on screen before, the newest found is shown.
    if (!hadActive && newest) popsActions.activate(newest);
  }

  retry(callId: string): void {
    const pop = usePopsStore.getState().pops[callId];
    if (!pop || pop.released) return;
    const call: Call = {
      id: pop.callId,
      state: pop.callState,
      callType: pop.callType,
      dnis: pop.dnis,
      ani: pop.caller,
      userData: pop.userData,
    };
    popsActions.patch(callId, {
      ucs: { status: 'pending' },
      attempts: [],
      receivedAt: this.now(),
      settledAt: undefined,
    });
    void this.run(call, pop.caller, true);
  }

  dispose(): void {
    this.correlator.dispose();
    for (const timer of this.removals.values()) clearTimeout(timer);
    this.removals.clear();
  }

  private remember(callId: string, entry: HandledCall): void {
    this.handled.delete(callId);
    this.handled.set(callId, entry);
    if (this.handled.size > MAX_HANDLED) {
      for (const [id, value] of this.handled) {
        if (this.handled.size <= MAX_HANDLED) break;
        if (value.released) this.handled.delete(id);
      }
    }
  }

  private scheduleRemoval(callId: string): void {
    clearTimeout(this.removals.get(callId));
    this.removals.set(
      callId,
      setTimeout(() => {
        this.removals.delete(callId);
        popsActions.remove(callId);
      }, RELEASED_KEEP_MS),
    );
  }

  /** One pass of the pipeline. `withUcs` false re-runs only the lookups, keeping the interaction id. */
  private async run(call: Call, caller: string | undefined, withUcs: boolean): Promise<void> {
    const generation = (this.generations.get(call.id) ?? 0) + 1;
    this.generations.set(call.id, generation);
    const current = () => this.generations.get(call.id) === generation;
    const known = usePopsStore.getState().pops[call.id]?.ucs.interactionId;
    const context = { ani: caller, dnis: call.dnis, callId: call.id, userData: call.userData };

    const attempts: Attempt[] = this.deps.config.lookupOrder.map((step) => {
      if (step.source === 'interactionId') {
        return known
          ? { ...step, value: known, status: 'pending' }
          : { ...step, status: withUcs ? 'waiting' : 'skipped' };
      }
      const value = resolveSource(step.source, context);
      return value ? { ...step, value, status: 'pending' } : { ...step, status: 'skipped' };
    });
    popsActions.patch(call.id, { attempts, settledAt: undefined });
    // FindPhoneCall goes out first: its answer and notification gate the highest-priority lookup,
    // so it is the critical path; the lookups that need nothing from UCS follow, in parallel.
    const interaction = withUcs && !known ? this.findInteraction(call, caller, current) : undefined;
    attempts.forEach((attempt, index) => {
      if (attempt.status === 'pending') void this.attempt(call.id, index, attempt, current);
    });
    if (!interaction) {
      this.checkSettled(call.id);
      return;
    }

    const interactionId = await interaction;
    if (!current()) return;
    const latest = usePopsStore.getState().pops[call.id]?.attempts ?? [];
    latest.forEach((attempt, index) => {
      if (attempt.status !== 'waiting') return;
      if (!interactionId) {
        popsActions.patchAttempt(call.id, index, { status: 'skipped' });
        return;
      }
      const next = { ...attempt, value: interactionId, status: 'pending' as const };
      popsActions.patchAttempt(call.id, index, next);
      void this.attempt(call.id, index, next, current);
    });
    this.checkSettled(call.id);
  }

  /** Tells UCS the call ended (status Stopped); its notification is consumed, its failure only logged. */
  private async reportStopped(call: Call, caller: string | undefined): Promise<void> {
    const request = toFindPhoneCallRequest(call, caller, this.deps.config.ucsFields);
    if (!request) return;
    try {
      if (!(await this.deps.ucsReady(this.deps.config.ucsTimeoutMs))) return;
      const ack = await this.deps.findPhoneCall(request);
      await this.correlator.wait(ack.referenceId, this.deps.config.ucsTimeoutMs);
    } catch (error) {
      this.deps.log(`FindPhoneCall (Stopped) for ${call.id} failed`, error);
    }
  }

  private async findInteraction(
    call: Call,
    caller: string | undefined,
    current: () => boolean,
  ): Promise<string | undefined> {
    const started = this.now();
    const request = toFindPhoneCallRequest(call, caller, this.deps.config.ucsFields);
    if (!request) {
      popsActions.patch(call.id, { ucs: { status: 'skipped', detail: 'no caller number' } });
      return undefined;
    }
    let patch: Pop['ucs'];
    try {
      if (!(await this.deps.ucsReady(this.deps.config.ucsTimeoutMs))) {
        throw new CorrelationTimeoutError('the notification subscription was not confirmed in time');
      }
      const ack = await this.deps.findPhoneCall(request);
      const result = await this.correlator.wait(ack.referenceId, this.deps.config.ucsTimeoutMs);
      patch = result.interactionId
        ? { status: 'found', interactionId: result.interactionId }
        : { status: 'failed', detail: result.errorMessage ?? 'UCS request failed' };
    } catch (error) {
      patch =
        error instanceof CorrelationTimeoutError
          ? { status: 'timeout' }
          : { status: 'error', detail: errorCode(error) };
      this.deps.log(`FindPhoneCall for ${call.id} failed`, error);
    }
    if (current()) popsActions.patch(call.id, { ucs: { ...patch, ms: this.now() - started } });
    return patch.interactionId;
  }

  private async attempt(
    callId: string,
    index: number,
    attempt: Attempt,
    current: () => boolean,
  ): Promise<void> {
    const started = this.now();
    let patch: Partial<Attempt>;
    try {
      const result = await this.deps.lookupUniqueId(attempt.attribute, attempt.value ?? '');
      patch =
        result.kind === 'found'
          ? { status: 'found', uniqueId: result.found.uniqueId, historyUrl: result.found.historyUrl }
          : { status: 'not-found' };
    } catch (error) {
      patch = { status: 'error', errorCode: errorCode(error) };
    }
    if (!current()) return;
    popsActions.patchAttempt(callId, index, { ...patch, ms: this.now() - started });
    this.checkSettled(callId);
  }

  private checkSettled(callId: string): void {
    const pop = usePopsStore.getState().pops[callId];
    // Settled once the UCS step is over too, so the outcome reported carries the whole trace.
    if (!pop || pop.settledAt !== undefined || pop.ucs.status === 'pending') return;
    if (popResolution(pop).kind === 'pending') return;
    popsActions.patch(callId, { settledAt: this.now() });
    const settled = usePopsStore.getState().pops[callId];
    if (settled) this.deps.onSettled?.(settled);
  }
}
