// One pop per call: what the agent sees of it. Written by the pop engine (a snapshot per change),
// rendered by the components; nothing here is read back by the engine.
import type { UserData } from '../../../../shared/gws-messages';
import type { PopReport } from '../../../../shared/pop-report';
import { type Attempt, type Resolution, resolveLookups } from './resolve-lookups';

export type UcsStatus = 'pending' | 'found' | 'failed' | 'timeout' | 'error' | 'skipped';
/** Why the UCS step was skipped: no number to search by, no GWS session here, no GWS call id. */
export type UcsSkip = 'no-caller' | 'no-gws-session' | 'no-call-id';

export interface UcsStep {
  status: UcsStatus;
  interactionId?: string | undefined;
  /** `failed`: UCS's errorMessage; `error`: the error code; `skipped`: a UcsSkip. */
  detail?: string | undefined;
  ms?: number | undefined;
}

export interface Pop {
  callId: string;
  /** The call source that handed the call over. */
  source: string;
  caller?: string | undefined;
  dnis?: string | undefined;
  callType?: string | undefined;
  callState: string;
  userData?: UserData | undefined;
  /** Date.now() when the first event of this call arrived. */
  receivedAt: number;
  ucs: UcsStep;
  attempts: readonly Attempt[];
  /** Date.now() when the outcome (shown, not found, failed) was known. */
  settledAt?: number | undefined;
  released: boolean;
  releasedAt?: number | undefined;
}

export type PopPhase = 'finding-interaction' | 'looking-up' | 'shown' | 'not-found' | 'error';

export function popResolution(pop: Pick<Pop, 'attempts'>): Resolution {
  return resolveLookups(pop.attempts);
}

export function popPhase(pop: Pop): PopPhase {
  const resolution = popResolution(pop);
  if (resolution.kind === 'found') return 'shown';
  if (resolution.kind === 'error') return 'error';
  if (pop.ucs.status === 'pending') return 'finding-interaction';
  return resolution.kind === 'not-found' ? 'not-found' : 'looking-up';
}

/** What a settled pop came to, for the host page, the desktop and the supervisor feed; null before. */
export function popReport(pop: Pop): PopReport | null {
  const resolution = popResolution(pop);
  if (resolution.kind === 'pending' || pop.settledAt === undefined || pop.ucs.status === 'pending') {
    return null;
  }
  const report: PopReport = {
    callId: pop.callId,
    source: pop.source,
    outcome: resolution.kind,
    ucs: pop.ucs.status,
    receivedAt: pop.receivedAt,
    timings: { totalMs: Math.max(0, pop.settledAt - pop.receivedAt) },
  };
  if (pop.caller) report.caller = pop.caller;
  if (pop.ucs.ms !== undefined) report.timings.ucsMs = pop.ucs.ms;
  if (resolution.kind !== 'not-found') {
    report.attribute = resolution.attempt.attribute;
    if (resolution.attempt.value && resolution.attempt.value.length <= 128) {
      report.value = resolution.attempt.value;
    }
  }
  if (resolution.kind === 'found') {
    if (resolution.attempt.uniqueId) report.uniqueId = resolution.attempt.uniqueId;
    if (resolution.attempt.historyUrl) report.historyUrl = resolution.attempt.historyUrl;
  }
  if (resolution.kind === 'error') report.errorCode = resolution.attempt.errorCode ?? 'upstream_error';
  return report;
}

/**
 * What the agent sees of a pop while its steps are folded: its phase, the call's state, the caller,
 * whether it settled. Two snapshots with the same signature look the same in the summary lines.
 */
export const popSignature = (pop: Pop): string =>
  [popPhase(pop), pop.callState, pop.released, pop.caller ?? '', pop.settledAt !== undefined].join('|');
