// Decides what a call event means for the pop of that call. A pop starts once per call id: on Ringing,
// or on Established for calls that never rang here (outbound, consult, pickup after a reconnect).
import { type LookupStep, resolveSource } from '../../../../shared/lookup-order';
import type { SourceCall } from '../../../lib/call-source';

export type PopDecision = 'start' | 'refresh' | 'update' | 'release' | 'ignore';

export interface HandledCall {
  /** Fingerprint of the call data the lookups depend on, when the pop started or last refreshed. */
  lookupInputs: string;
  released: boolean;
}

const POP_STATES = new Set(['Ringing', 'Established']);

/** The lookup inputs that come from the call itself (not from UCS), in lookup order. */
export function lookupInputs(
  call: SourceCall,
  caller: string | undefined,
  order: readonly LookupStep[],
): string {
  const context = { ani: caller, dnis: call.dnis, callId: call.id, userData: call.userData };
  return JSON.stringify(
    order.map((step) =>
      step.source === 'interactionId' ? null : (resolveSource(step.source, context) ?? null),
    ),
  );
}

export function decidePop(handled: HandledCall | undefined, call: SourceCall, inputs: string): PopDecision {
  if (call.state === 'Released') return handled && !handled.released ? 'release' : 'ignore';
  if (!handled) return POP_STATES.has(call.state) ? 'start' : 'ignore';
  if (handled.released) return 'ignore';
  return inputs !== handled.lookupInputs ? 'refresh' : 'update';
}
