// Runs the pop of each call: FindPhoneCall → correlation → parallel lookups → winner. It owns the
// state of its runs and writes what the agent sees through a narrow view; it never reads the screen
// back, so a pop proceeds (and a retry restarts) from the engine's own record of the call. I/O comes
// in as deps.
import type {
  CreateInteractionResponse,
  FindPhoneCallAck,
  FindPhoneCallRequest,
} from '../../../../shared/gws-messages';
import type { Attribute } from '../../../../shared/lookup-api';
import { resolveSource } from '../../../../shared/lookup-order';
import type { PopReport } from '../../../../shared/pop-report';
import type { WidgetConfig } from '../../../../shared/widget-config';
import type { SourceCall } from '../../../lib/call-source';
import { HttpError } from '../../../lib/http';
import { CorrelationTimeoutError, Correlator } from '../model/correlation';
import { toFindPhoneCallRequest } from '../model/find-phone-call-request';
import { type Pop, popReport, type UcsSkip, type UcsStep } from '../model/pop';
import { decidePop, type HandledCall, lookupInputs, type PopDecision } from '../model/pop-decision';
import { type Attempt, resolveLookups } from '../model/resolve-lookups';
import type { PopView } from '../store/pops-store';

/** UCS through GWS: present only where the widget has a GWS session of its own. */
export interface UcsPort {
  /**
   * True once GWS would publish the FindPhoneCall answer to us (the notification subscription is
   * acknowledged; at once, not a promise, when it already is), false when that did not happen within
   * `timeoutMs`. GWS does not replay notifications, so FindPhoneCall is never sent before.
   */
  ready(timeoutMs: number): boolean | Promise<boolean>;
  findPhoneCall(request: FindPhoneCallRequest): Promise<FindPhoneCallAck>;
}

export type LookupAnswer = { kind: 'found'; uniqueId: string; historyUrl: string } | { kind: 'not-found' };

export interface PopEngineDeps {
  config: WidgetConfig;
  /** UCS, when the widget has a GWS session and its notifications are open; null otherwise. */
  ucs(): UcsPort | null;
  lookupUniqueId(attribute: Attribute, value: string): Promise<LookupAnswer>;
  view: PopView;
  log(message: string, detail?: unknown): void;
  /** Called once per run of a pop when its outcome is known: shown, not found or failed. */
  onSettled?(report: PopReport): void;
  now?: () => number;
}

/** Released calls stay on screen this long, then make room. */
const RELEASED_KEEP_MS = 60_000;
/** Call ids remembered after release so late or repeated events never pop again. */
const MAX_HANDLED = 2_000;

const errorCode = (error: unknown): string =>
  error instanceof HttpError ? (error.code ?? `http_${error.status}`) : 'network_error';

/** Everything the engine knows of one call's pop. */
interface Run {
  call: SourceCall;
  source: string;
  caller: string | undefined;
  receivedAt: number;
  ucs: UcsStep;
  attempts: Attempt[];
  settledAt?: number | undefined;
  releasedAt?: number | undefined;
  /** Bumped by each pass of the pipeline: answers for an older pass are dropped. */
  generation: number;
  /** The UCS interaction id being asked for: every pass until it answers waits on the same request. */
  interaction?: Promise<string | undefined> | undefined;
  /** Counts FindPhoneCall requests: only the latest one's answer is the call's. */
  ucsRequests: number;
}

const callerOf = (call: SourceCall) => (call.ani?.trim() ? call.ani.trim() : undefined);

export class PopEngine {
  /** Decisions need only a fingerprint of every call seen; runs hold the pops still on screen. */
  private readonly handled = new Map<string, HandledCall>();
  private readonly runs = new Map<string, Run>();
  private readonly removals = new Map<string, ReturnType<typeof setTimeout>>();
  readonly correlator = new Correlator();
  private readonly now: () => number;

  constructor(private readonly deps: PopEngineDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A createInteractionResponse from GWS: matched to its FindPhoneCall by referenceId. */
  acceptUcsAnswer(message: CreateInteractionResponse): void {
    if (this.correlator.accept(message) === 'duplicate') {
      this.deps.log('duplicate createInteractionResponse ignored', message);
    }
  }

  /** A call event from a source. `focus` false: the pop does not take the screen from another. */
  handleCall(call: SourceCall, source: string, focus = true): PopDecision {
    const caller = callerOf(call);
    const inputs = lookupInputs(call, caller, this.deps.config.lookupOrder);
    const decision = decidePop(this.handled.get(call.id), call, inputs);
    const run = this.runs.get(call.id);
    switch (decision) {
      case 'start': {
        this.remember(call.id, { lookupInputs: inputs, released: false });
        const started: Run = {
          call,
          source,
          caller,
          receivedAt: this.now(),
          ucs: { status: 'pending' },
          attempts: [],
          generation: 0,
          ucsRequests: 0,
        };
        this.runs.set(call.id, started);
        this.deps.view.show(this.snapshot(started), focus);
        void this.execute(started, true);
        break;
      }
      case 'refresh':
        this.remember(call.id, { lookupInputs: inputs, released: false });
        if (!run) break;
        Object.assign(run, { call, caller });
        // Data the lookups depend on arrived late (e.g. historySearchId attached after ringing).
        void this.execute(run, false);
        break;
      case 'update':
        if (!run) break;
        Object.assign(run, { call, caller });
        this.publish(run);
        break;
      case 'release':
        this.remember(call.id, { lookupInputs: inputs, released: true });
        if (run) {
          Object.assign(run, { call, caller, releasedAt: this.now() });
          this.publish(run);
        }
        this.scheduleRemoval(call.id, call.closed ? 0 : RELEASED_KEEP_MS);
        void this.reportStopped(call, caller);
        break;
      default:
        // Closed after it was released: it goes now rather than when its minute is up.
        if (call.closed && run) this.scheduleRemoval(call.id, 0);
        break;
    }
    return decision;
  }

  /**
   * The calls in progress after a (re)connect. A call that started ringing meanwhile is as new to the
   * agent as a live one and takes the screen; an established one found this way does not, unless
   * nothing is on screen, in which case the newest found is shown.
   */
  resync(calls: readonly SourceCall[], source: string): void {
    const hadFocus = this.deps.view.hasFocus();
    let newest: string | undefined;
    let ringing = false;
    for (const call of calls) {
      const takesScreen = call.state === 'Ringing';
      if (this.handleCall(call, source, takesScreen) !== 'start') continue;
      newest = call.id;
      ringing ||= takesScreen;
    }
    // GWS lists calls oldest first.
    if (!hadFocus && !ringing && newest) this.deps.view.focus(newest);
  }

  /** Runs the whole pipeline again for a call still in progress, from the engine's own record of it. */
  retry(callId: string): void {
    const run = this.runs.get(callId);
    if (!run || run.releasedAt !== undefined) return;
    run.receivedAt = this.now();
    void this.execute(run, true);
  }

  dispose(): void {
    this.correlator.dispose();
    for (const timer of this.removals.values()) clearTimeout(timer);
    this.removals.clear();
  }

  /** Runs in memory and correlations waiting (tests, the memory benchmark). */
  get size() {
    return { runs: this.runs.size, handled: this.handled.size, ...this.correlator.size };
  }

  private snapshot(run: Run): Pop {
    const { call } = run;
    return {
      callId: call.id,
      source: run.source,
      caller: run.caller,
      dnis: call.dnis,
      callType: call.callType,
      callState: call.state,
      userData: call.userData,
      receivedAt: run.receivedAt,
      ucs: run.ucs,
      attempts: [...run.attempts],
      settledAt: run.settledAt,
      released: run.releasedAt !== undefined,
      releasedAt: run.releasedAt,
    };
  }

  private publish(run: Run): void {
    if (this.runs.get(run.call.id) === run) this.deps.view.update(this.snapshot(run));
  }

  private remember(callId: string, entry: HandledCall): void {
    this.handled.delete(callId);
    this.handled.set(callId, entry);
    if (this.handled.size <= MAX_HANDLED) return;
    for (const [id, value] of this.handled) {
      if (this.handled.size <= MAX_HANDLED) break;
      if (value.released) this.handled.delete(id);
    }
  }

  private scheduleRemoval(callId: string, afterMs: number): void {
    clearTimeout(this.removals.get(callId));
    const remove = () => {
      this.removals.delete(callId);
      this.runs.delete(callId);
      this.deps.view.remove(callId);
    };
    if (afterMs === 0) remove();
    else this.removals.set(callId, setTimeout(remove, afterMs));
  }

  private ucsSkip(call: SourceCall, caller: string | undefined): UcsSkip | null {
    if (!this.deps.ucs()) return 'no-gws-session';
    if (!caller) return 'no-caller';
    return call.gwsCallId ? null : 'no-call-id';
  }

  /** One pass of the pipeline. `withUcs` false re-runs only the lookups, keeping the interaction id. */
  private async execute(run: Run, withUcs: boolean): Promise<void> {
    const generation = ++run.generation;
    const current = () => run.generation === generation && this.runs.get(run.call.id) === run;
    const { call, caller } = run;
    if (withUcs) {
      // FindPhoneCall goes out first: its answer and notification gate the highest-priority lookup,
      // so it is the critical path; the lookups that need nothing from UCS follow, in parallel.
      const skip = this.ucsSkip(call, caller);
      run.ucs = skip ? { status: 'skipped', detail: skip } : { status: 'pending' };
      run.interaction = skip ? undefined : this.findInteraction(run);
    }
    const known = run.ucs.interactionId;
    const interaction = !known && run.ucs.status === 'pending' ? run.interaction : undefined;
    const context = { ani: caller, dnis: call.dnis, callId: call.id, userData: call.userData };

    run.attempts = this.deps.config.lookupOrder.map((step) => {
      if (step.source === 'interactionId') {
        if (known) return { ...step, value: known, status: 'pending' };
        return { ...step, status: interaction ? 'waiting' : 'skipped' };
      }
      const value = resolveSource(step.source, context);
      return value ? { ...step, value, status: 'pending' } : { ...step, status: 'skipped' };
    });
    run.settledAt = undefined;
    this.publish(run);
    run.attempts.forEach((attempt, index) => {
      if (attempt.status === 'pending') void this.attempt(run, index, current);
    });
    if (!interaction) {
      this.checkSettled(run);
      return;
    }
    const interactionId = await interaction;
    if (!current()) return;
    run.attempts.forEach((attempt, index) => {
      if (attempt.status !== 'waiting') return;
      run.attempts[index] = interactionId
        ? { ...attempt, value: interactionId, status: 'pending' }
        : { ...attempt, status: 'skipped' };
      if (interactionId) void this.attempt(run, index, current);
    });
    this.publish(run);
    this.checkSettled(run);
  }

  /** Tells UCS the call ended (status Stopped); its notification is consumed, its failure only logged. */
  private async reportStopped(call: SourceCall, caller: string | undefined): Promise<void> {
    const ucs = this.deps.ucs();
    const request = toFindPhoneCallRequest(call, caller, this.deps.config.ucsFields);
    if (!ucs || !request) return;
    try {
      const ready = ucs.ready(this.deps.config.ucsTimeoutMs);
      if (ready !== true && !(await ready)) return;
      const ack = await ucs.findPhoneCall(request);
      await this.correlator.wait(ack.referenceId, this.deps.config.ucsTimeoutMs);
    } catch (error) {
      this.deps.log(`FindPhoneCall (Stopped) for ${call.id} failed`, error);
    }
  }

  /** Asks UCS for the call's interaction; sets the run's UCS step unless a newer request replaced it. */
  private async findInteraction(run: Run): Promise<string | undefined> {
    const ucs = this.deps.ucs();
    const request = toFindPhoneCallRequest(run.call, run.caller, this.deps.config.ucsFields);
    if (!ucs || !request) return undefined;
    const asked = ++run.ucsRequests;
    const current = () => this.runs.get(run.call.id) === run && run.ucsRequests === asked;
    const started = this.now();
    let step: UcsStep;
    try {
      // Already subscribed (the common case): sent in this very turn, ahead of the lookups.
      const ready = ucs.ready(this.deps.config.ucsTimeoutMs);
      if (ready !== true && !(await ready)) {
        throw new CorrelationTimeoutError('the notification subscription was not confirmed in time');
      }
      const ack = await ucs.findPhoneCall(request);
      const result = await this.correlator.wait(ack.referenceId, this.deps.config.ucsTimeoutMs);
      step = result.interactionId
        ? { status: 'found', interactionId: result.interactionId }
        : { status: 'failed', detail: result.errorMessage ?? 'UCS request failed' };
    } catch (error) {
      step =
        error instanceof CorrelationTimeoutError
          ? { status: 'timeout' }
          : { status: 'error', detail: errorCode(error) };
      this.deps.log(`FindPhoneCall for ${run.call.id} failed`, error);
    }
    // A retry since asked its own question; this answer is no longer the call's.
    if (!current()) return undefined;
    run.ucs = { ...step, ms: this.now() - started };
    return step.interactionId;
  }

  private async attempt(run: Run, index: number, current: () => boolean): Promise<void> {
    const attempt = run.attempts[index];
    if (!attempt) return;
    const started = this.now();
    let patch: Partial<Attempt>;
    try {
      const answer = await this.deps.lookupUniqueId(attempt.attribute, attempt.value ?? '');
      patch =
        answer.kind === 'found'
          ? { status: 'found', uniqueId: answer.uniqueId, historyUrl: answer.historyUrl }
          : { status: 'not-found' };
    } catch (error) {
      patch = { status: 'error', errorCode: errorCode(error) };
    }
    if (!current()) return;
    run.attempts[index] = { ...attempt, ...patch, ms: this.now() - started };
    this.publish(run);
    this.checkSettled(run);
  }

  private checkSettled(run: Run): void {
    // Settled once the UCS step is over too, so the outcome reported carries the whole trace.
    if (run.settledAt !== undefined || run.ucs.status === 'pending') return;
    if (resolveLookups(run.attempts).kind === 'pending') return;
    run.settledAt = this.now();
    this.publish(run);
    const report = popReport(this.snapshot(run));
    if (report) this.deps.onSettled?.(report);
  }
}
