// The pops on screen and which one has focus, for the components to read through the selectors
// below. The pop engine writes here through `popsView`, a narrow sink; it never reads this back.
import { create } from 'zustand';
import type { Pop } from '../model/pop';

interface PopsState {
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
export const selectPops = (state: PopsState) => state.pops;
export const selectPop = (callId: string) => (state: PopsState) => state.pops[callId];

/**
 * The same view, with intermediate updates of a pop (a step answered, an attempt missed) written at
 * most every `delayMs` together, and the ones the agent waits for (an outcome: the history to show, not
 * found, an error; a released call) at once. Each write re-renders: on a busy agent desktop, fewer
 * renders while the lookups answer leave the main thread to the answers themselves.
 */
export function coalescedView(view: PopView, isUrgent: (pop: Pop) => boolean, delayMs = 16): PopView {
  const pending = new Map<string, Pop>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const pops = [...pending.values()];
    pending.clear();
    for (const pop of pops) view.update(pop);
  };
  return {
    show(pop, focus) {
      pending.delete(pop.callId);
      view.show(pop, focus);
    },
    update(pop) {
      pending.set(pop.callId, pop);
      if (isUrgent(pop)) flush();
      else timer ??= setTimeout(flush, delayMs);
    },
    remove(callId) {
      pending.delete(callId);
      view.remove(callId);
    },
    focus: (callId) => view.focus(callId),
    hasFocus: () => view.hasFocus(),
  };
}
