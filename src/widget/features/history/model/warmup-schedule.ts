// When the widget warms the history frame's connection: at most once per interval, and only when the
// history site may have closed it (nothing used it for an interval).
export type WarmupMode = 'ring' | 'idle' | 'off';

export interface WarmupSchedule {
  /** A call rang: warm now? (and counted as a use if so) */
  onRing(now: number): boolean;
  /** The idle timer ticked: warm now? (`idle` mode only) */
  onTick(now: number): boolean;
  /** The history site was used (a history page loaded, a warm-up answered). */
  used(now: number): void;
}

export function warmupSchedule(mode: WarmupMode, intervalMs: number, now: number): WarmupSchedule {
  // Nothing is warm at start: the first call warms (the page itself just loaded the widget, not the history site).
  let lastUse = now - intervalMs - 1;
  const due = (at: number) => mode !== 'off' && at - lastUse > intervalMs;
  const take = (at: number) => {
    lastUse = at;
    return true;
  };
  return {
    onRing: (at) => due(at) && take(at),
    onTick: (at) => mode === 'idle' && due(at) && take(at),
    used(at) {
      lastUse = Math.max(lastUse, at);
    },
  };
}
