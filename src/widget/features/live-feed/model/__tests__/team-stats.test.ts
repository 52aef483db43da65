import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../../../shared/pop-feed';
import { bucketMsFor, percentile, popsPerBucket, teamStats, WINDOWS } from '../team-stats';

const NOW = Date.parse('2026-11-26T10:30:30Z');
const at = (iso: string) => Date.parse(iso);
const dana = { id: 'a-1', firstName: 'Dana', lastName: 'Demo' };
const sam = { id: 'a-2', userName: 'sam' };

const entry = (
  id: string,
  patch: Partial<FeedEntry['pop']> = {},
  agent: FeedEntry['agent'] = dana,
): FeedEntry => ({
  id,
  agent,
  reportedAt: 1,
  pop: { callId: `C-${id}`, outcome: 'found', receivedAt: NOW - 1_000, timings: { totalMs: 100 }, ...patch },
});

const wholeHour = { openedAt: NOW - 2 * 60 * 60_000, backlogMaxAgeMs: 3_600_000, full: false };

describe('percentile', () => {
  it('nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('teamStats', () => {
  it('counts the window only: outcomes, found share, p50 and p95 of time to pop', () => {
    const entries = [
      ...Array.from({ length: 18 }, (_, i) => entry(`f${i}`, { timings: { totalMs: 100 + i } })),
      entry('n', { outcome: 'not-found', timings: { totalMs: 90 } }),
      entry('e', { outcome: 'error', errorCode: 'upstream_timeout', timings: { totalMs: 5_000 } }, sam),
      entry('old', { receivedAt: NOW - 61 * 60_000, outcome: 'error' }),
    ];
    const stats = teamStats(entries, NOW, WINDOWS['1h'], wholeHour);
    expect(stats).toMatchObject({ pops: 20, found: 18, notFound: 1, failed: 1, foundShare: 0.9 });
    expect(stats.p50).toBe(108);
    expect(stats.p95).toBe(117);
    expect(stats.coveredFrom).toBeNull();
  });

  it('puts the agent with failures first, then the busiest', () => {
    const entries = [
      entry('1'),
      entry('2'),
      entry('3', { outcome: 'error' }, sam),
      entry('4', {}, { id: 'a-3', firstName: 'Ana' }),
      entry('5', {}, { id: 'a-3', firstName: 'Ana' }),
      entry('6', {}, { id: 'a-3', firstName: 'Ana' }),
    ];
    const { agents } = teamStats(entries, NOW, WINDOWS['15m'], wholeHour);
    expect(agents.map((a) => [a.name, a.pops, a.failed, a.foundShare])).toEqual([
      ['sam', 1, 1, 0],
      ['Ana', 3, 0, 1],
      ['Dana Demo', 2, 0, 1],
    ]);
  });

  it('says where the figures start when the tab holds less than the window', () => {
    const opened = { openedAt: NOW - 10 * 60_000, backlogMaxAgeMs: 15 * 60_000, full: false };
    expect(teamStats([entry('1')], NOW, WINDOWS['1h'], opened).coveredFrom).toBe(NOW - 25 * 60_000);
    expect(teamStats([entry('1')], NOW, WINDOWS['15m'], opened).coveredFrom).toBeNull();
    // A full store dropped older pops: the oldest held is where the figures start.
    const full = { ...wholeHour, full: true };
    const stats = teamStats(
      [entry('1'), entry('2', { receivedAt: NOW - 20 * 60_000 })],
      NOW,
      WINDOWS['1h'],
      full,
    );
    expect(stats.coveredFrom).toBe(NOW - 20 * 60_000);
  });

  it('no pops: zero counts and no share or percentiles rather than 0 % or 0 ms', () => {
    expect(teamStats([], NOW, WINDOWS['1h'], wholeHour)).toMatchObject({
      pops: 0,
      foundShare: null,
      p50: null,
      p95: null,
      agents: [],
    });
  });
});

describe('popsPerBucket', () => {
  it('counts the last hour by minute and outcome, and nothing older', () => {
    const series = popsPerBucket(
      [
        entry('1', { receivedAt: at('2026-11-26T10:30:05Z') }),
        entry('2', { receivedAt: at('2026-11-26T10:30:10Z'), outcome: 'error' }),
        entry('3', { receivedAt: at('2026-11-26T10:29:59Z'), outcome: 'not-found' }),
        entry('4', { receivedAt: at('2026-11-26T09:30:59Z') }),
        entry('5', { receivedAt: at('2026-11-26T09:31:00Z') }),
      ],
      NOW,
      WINDOWS['1h'],
    );
    expect(series.starts).toHaveLength(60);
    expect(series.starts.at(-1)).toBe(at('2026-11-26T10:30:00Z') / 1000);
    expect([series.found.at(-1), series.error.at(-1), series.notFound.at(-2)]).toEqual([1, 1, 1]);
    expect(series.found[0]).toBe(1);
    expect(series.found.reduce((a, b) => a + b)).toBe(2);
  });

  it('draws longer windows in coarser buckets, 30 to 60 bars', () => {
    for (const windowMs of Object.values(WINDOWS)) {
      const bars = popsPerBucket([], NOW, windowMs).starts.length;
      expect(bars).toBeGreaterThanOrEqual(15);
      expect(bars).toBeLessThanOrEqual(60);
    }
    expect(bucketMsFor(WINDOWS['8h'])).toBe(10 * 60_000);
  });
});
