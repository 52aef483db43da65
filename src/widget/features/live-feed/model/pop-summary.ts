// What the live feed keeps of a pop: small, serialisable, and sent between tabs of one browser.
import { isAttribute } from '../../../../shared/lookup-constants';
import { type Pop, popResolution } from '../../calls/store/pops-store';

export interface PopSummary {
  callId: string;
  caller?: string | undefined;
  attribute?: string | undefined;
  uniqueId?: string | undefined;
  outcome: 'shown' | 'not-found' | 'error';
  errorCode?: string | undefined;
  /** Date.now() when the call event arrived. */
  at: number;
  ucsMs?: number | undefined;
  totalMs?: number | undefined;
}

/** Null while the pop is still in progress. */
export function toPopSummary(pop: Pop): PopSummary | null {
  const resolution = popResolution(pop);
  if (resolution.kind === 'pending' || pop.settledAt === undefined) return null;
  const base = {
    callId: pop.callId,
    caller: pop.caller,
    at: pop.receivedAt,
    ucsMs: pop.ucs.ms,
    totalMs: pop.settledAt - pop.receivedAt,
  };
  if (resolution.kind === 'found') {
    return {
      ...base,
      outcome: 'shown',
      attribute: resolution.attempt.attribute,
      uniqueId: resolution.attempt.uniqueId,
    };
  }
  if (resolution.kind === 'error') {
    return {
      ...base,
      outcome: 'error',
      attribute: resolution.attempt.attribute,
      errorCode: resolution.attempt.errorCode,
    };
  }
  return { ...base, outcome: 'not-found' };
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const optionalNumber = (value: unknown) =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value));

/** Messages from other tabs are untrusted input like any other. */
export function isPopSummary(value: unknown): value is PopSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.callId === 'string' &&
    v.callId.length > 0 &&
    v.callId.length <= 256 &&
    (v.outcome === 'shown' || v.outcome === 'not-found' || v.outcome === 'error') &&
    typeof v.at === 'number' &&
    optionalString(v.caller) &&
    (v.attribute === undefined || isAttribute(v.attribute)) &&
    optionalString(v.uniqueId) &&
    optionalString(v.errorCode) &&
    optionalNumber(v.ucsMs) &&
    optionalNumber(v.totalMs)
  );
}
