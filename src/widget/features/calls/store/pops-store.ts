// The pops on screen and which one has focus, for the components to read through the selectors
// below. The pop engine writes here through `popsView`, a narrow sink; it never reads this back.
import { create } from 'zustand';
import type { Pop } from '../model/pop';

export interface PopsState {
  pops: Record<string, Pop>;
  /** Newest first. */
  order: string[];
  activeId: string | null;
}

export const usePopsStore = create<PopsState>()(() => ({ pops: {}, order: [], activeId: null }));

/** What the pop engine may do to the screen. */
export interface PopView {
  /** A new pop goes first; it takes focus if asked to, or if nothing has focus. */
  show(pop: Pop, focus: boolean): void;
  /** The pop changed (a step answered, the call changed). */
  update(pop: Pop): void;
  remove(callId: string): void;
  focus(callId: string): void;
  hasFocus(): boolean;
}

export const popsView: PopView = {
  show(pop, focus) {
    usePopsStore.setState((state) => ({
      pops: { ...state.pops, [pop.callId]: pop },
      order: [pop.callId, ...state.order.filter((id) => id !== pop.callId)],
      activeId: focus || state.activeId === null ? pop.callId : state.activeId,
    }));
  },
  update(pop) {
    usePopsStore.setState((state) =>
      state.pops[pop.callId] ? { pops: { ...state.pops, [pop.callId]: pop } } : state,
    );
  },
  remove(callId) {
    usePopsStore.setState((state) => {
      if (!state.pops[callId]) return state;
      const { [callId]: _removed, ...pops } = state.pops;
      const order = state.order.filter((id) => id !== callId);
      return { pops, order, activeId: state.activeId === callId ? (order[0] ?? null) : state.activeId };
    });
  },
  focus(callId) {
    usePopsStore.setState((state) => (state.pops[callId] ? { activeId: callId } : state));
  },
  hasFocus: () => usePopsStore.getState().activeId !== null,
};

/** The agent picked a tab. */
export const activatePop = (callId: string) => popsView.focus(callId);
export const clearPops = () => usePopsStore.setState({ pops: {}, order: [], activeId: null });

export const selectActivePop = (state: PopsState): Pop | undefined =>
  state.activeId ? state.pops[state.activeId] : undefined;
export const selectOrder = (state: PopsState) => state.order;
export const selectPop = (callId: string) => (state: PopsState) => state.pops[callId];

export interface CoalescingRules {
  /** Written at once: what the agent waits for (an outcome, a released call). */
  isUrgent(pop: Pop): boolean;
  /** What the agent sees of a pop with its steps folded: an update that leaves it as it was is quiet. */
  signature(pop: Pop): string;
  /** Updates that change what is seen are written together, at most this often. */
  delayMs?: number;
  /** Updates that change nothing seen (an attempt answered behind the folded steps) wait this long. */
  quietMs?: number;
  /**
   * When a new pop may be drawn (its first render is the largest): the runtime holds it until the
   * work the pop waits for is out (the next long-poll). Updates meanwhile go with it.
   */
  deferShow?(write: () => void): void;
}

/**
 * The same view, with the writes that re-render spread by what they change. Each write re-renders:
 * on a busy agent desktop, and more so on a slow CPU, fewer renders while the lookups answer leave the
 * main thread to the answers themselves. An outcome is written at once, with whatever waited.
 */
export function coalescedView(view: PopView, rules: CoalescingRules): PopView {
  const { isUrgent, signature, delayMs = 16, quietMs = 200, deferShow } = rules;
  const pending = new Map<string, Pop>();
  /** New pops not drawn yet: their latest snapshot, and whether they take the screen. */
  const unshown = new Map<string, { pop: Pop; focus: boolean }>();
  const draw = (callId: string) => {
    const entry = unshown.get(callId);
    if (!entry) return;
    unshown.delete(callId);
    written.set(callId, signature(entry.pop));
    view.show(entry.pop, entry.focus);
  };
  const written = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = Number.POSITIVE_INFINITY;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    due = Number.POSITIVE_INFINITY;
    const pops = [...pending.values()];
    pending.clear();
    for (const pop of pops) {
      written.set(pop.callId, signature(pop));
      view.update(pop);
    }
  };
  const flushWithin = (ms: number) => {
    const at = performance.now() + ms;
    if (at >= due) return;
    clearTimeout(timer);
    due = at;
    timer = setTimeout(flush, ms);
  };
  return {
    show(pop, focus) {
      pending.delete(pop.callId);
      unshown.set(pop.callId, { pop, focus });
      if (deferShow) deferShow(() => draw(pop.callId));
      else draw(pop.callId);
    },
    update(pop) {
      const waiting = unshown.get(pop.callId);
      if (waiting) {
        waiting.pop = pop;
        if (isUrgent(pop)) draw(pop.callId);
        return;
      }
      pending.set(pop.callId, pop);
      if (isUrgent(pop)) flush();
      else flushWithin(written.get(pop.callId) === signature(pop) ? quietMs : delayMs);
    },
    remove(callId) {
      pending.delete(callId);
      written.delete(callId);
      if (unshown.delete(callId)) return;
      view.remove(callId);
    },
    focus(callId) {
      const waiting = unshown.get(callId);
      if (waiting) waiting.focus = true;
      else view.focus(callId);
    },
    hasFocus: () => view.hasFocus() || [...unshown.values()].some((entry) => entry.focus),
  };
}
