// One clock for every cache in the proxy (lru-cache reads it through its `perf` option), so tests
// move time by hand instead of sleeping.

/** Milliseconds from an arbitrary origin; only differences matter. */
export type Clock = () => number;

export const monotonicClock: Clock = () => performance.now();

/**
 * The lru-cache options that put a cache on `now`. `ttlResolution: 0` makes it read the clock on
 * every check: its default keeps a reading for 1 ms behind a timer per read, which costs more than
 * the read and would hide a fake clock's step. lru-cache takes a start time of 0 for "no TTL", so
 * the clock is shifted by 1 ms and a fake clock may start at 0.
 */
export function cacheClock(now: Clock = monotonicClock) {
  return { perf: { now: () => now() + 1 }, ttlResolution: 0 } as const;
}
