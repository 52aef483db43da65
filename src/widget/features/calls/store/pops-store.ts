// One pop per call: what the agent sees for it. Components read it through the selectors below.
import { create } from 'zustand';
import type { UserData } from '../../../../shared/gws-messages';
import { type Attempt, type Resolution, resolveLookups } from '../../lookup/model/resolve-lookups';

export type UcsStatus = 'pending' | 'found' | 'failed' | 'timeout' | 'error' | 'skipped';

export interface Pop {
  callId: string;
  caller?: string | undefined;
  dnis?: string | undefined;
  callType?: string | undefined;
  callState: string;
  userData?: UserData | undefined;
  /** Date.now() when the first event of this call arrived. */
  receivedAt: number;
  ucs: { status: UcsStatus; interactionId?: string; detail?: string; ms?: number };
  attempts: Attempt[];
  /** Date.now() when the outcome (shown, not found, failed) was known. */
  settledAt?: number | undefined;
  released: boolean;
  releasedAt?: number;
}

export type PopPhase = 'finding-interaction' | 'looking-up' | 'shown' | 'not-found' | 'error';

export function popResolution(pop: Pop): Resolution {
  return resolveLookups(pop.attempts);
}

export function popPhase(pop: Pop): PopPhase {
  const resolution = popResolution(pop);
  if (resolution.kind === 'found') return 'shown';
  if (resolution.kind === 'error') return 'error';
  if (pop.ucs.status === 'pending') return 'finding-interaction';
  return resolution.kind === 'not-found' ? 'not-found' : 'looking-up';
}

interface PopsState {
  pops: Record<string, Pop>;
  /** Newest first. */
  order: string[];
  activeId: string | null;
}

export const usePopsStore = create<PopsState>()(() => ({ pops: {}, order: [], activeId: null }));

export const popsActions = {
  /** A new pop goes first; it becomes the active one unless `activate` is false and one is already shown. */
  add(pop: Pop, activate = true) {
    usePopsStore.setState((state) => ({
      pops: { ...state.pops, [pop.callId]: pop },
      order: [pop.callId, ...state.order.filter((id) => id !== pop.callId)],
      activeId: activate || state.activeId === null ? pop.callId : state.activeId,
    }));
  },
  patch(callId: string, patch: Partial<Pop> | ((pop: Pop) => Partial<Pop>)) {
    usePopsStore.setState((state) => {
      const pop = state.pops[callId];
      if (!pop) return state;
      const changes = typeof patch === 'function' ? patch(pop) : patch;
      return { pops: { ...state.pops, [callId]: { ...pop, ...changes } } };
    });
  },
  patchAttempt(callId: string, index: number, patch: Partial<Attempt>) {
    popsActions.patch(callId, (pop) => ({
      attempts: pop.attempts.map((attempt, i) => (i === index ? { ...attempt, ...patch } : attempt)),
    }));
  },
  remove(callId: string) {
    usePopsStore.setState((state) => {
      if (!state.pops[callId]) return state;
      const { [callId]: _removed, ...pops } = state.pops;
      const order = state.order.filter((id) => id !== callId);
      return { pops, order, activeId: state.activeId === callId ? (order[0] ?? null) : state.activeId };
    });
  },
  activate(callId: string) {
    usePopsStore.setState((state) => (state.pops[callId] ? { activeId: callId } : state));
  },
  clear() {
    usePopsStore.setState({ pops: {}, order: [], activeId: null });
  },
};

export const selectActivePop = (state: PopsState): Pop | undefined =>
  state.activeId ? state.pops[state.activeId] : undefined;
export const selectOrder = (state: PopsState) => state.order;
export const selectPops = (state: PopsState) => state.pops;
export const selectPop = (callId: string) => (state: PopsState) => state.pops[callId];
