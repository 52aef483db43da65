import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/pop-feed';
import { compareFeedIds, FeedIdClock, parseFeedId } from '../feed-id';
import { FeedRing } from '../feed-ring';

const entry = (id: string, reportedAt: number): FeedEntry => ({
  id,
  agent: { id: 'a' },
  pop: { callId: id, outcome: 'found', receivedAt: reportedAt, timings: { totalMs: 1 } },
  reportedAt,
});

describe('feed ids', () => {
  it('reads stream ids and orders them as Redis does', () => {
    expect(parseFeedId('1700000000000-3')).toEqual({ ms: 1_700_000_000_000, seq: 3 });
    for (const bad of [undefined, '', '12', '1-2-3', 'a-1', '1-', ' 1-2', `${'9'.repeat(16)}-0`]) {
      expect(parseFeedId(bad), String(bad)).toBeUndefined();
    }
    const order = ['5-10', '5-2', '6-0', '10-0'].map((id) => parseFeedId(id)!);
    expect(order.sort(compareFeedIds).map(({ ms, seq }) => `${ms}-${seq}`)).toEqual([
      '5-2',
      '5-10',
      '6-0',
      '10-0',
    ]);
  });

  it('hands out increasing ids, also when the clock stands still or goes back, and after ids seen elsewhere', () => {
    let now = 1000;
    const clock = new FeedIdClock(() => now);
    expect([clock.next(), clock.next()]).toEqual(['1000-0', '1000-1']);
    now = 900;
    expect(clock.next()).toBe('1000-2');
    clock.observe({ ms: 2000, seq: 5 });
    expect(clock.next()).toBe('2000-6');
    now = 3000;
    expect(clock.next()).toBe('3000-0');
  });
});

describe('FeedRing', () => {
  it('keeps the newest `capacity` entries, once each', () => {
    const ring = new FeedRing({ capacity: 3, maxAgeMs: 60_000, now: () => 10 });
    for (let i = 1; i <= 5; i++) expect(ring.add(entry(`1-${i}`, 10))).toBe(true);
    expect(ring.add(entry('1-5', 10))).toBe(false);
    expect(ring.after(undefined).map((e) => e.id)).toEqual(['1-3', '1-4', '1-5']);
  });

  it('replays nothing older than maxAgeMs', () => {
    let now = 0;
    const ring = new FeedRing({ capacity: 100, maxAgeMs: 1_000, now: () => now });
    ring.add(entry('1-1', 0));
    now = 600;
    ring.add(entry('1-2', 600));
    now = 1_001;
    expect(ring.after(undefined).map((e) => e.id)).toEqual(['1-2']);
    now = 1_601;
    expect(ring.after(undefined)).toEqual([]);
    expect(ring.size).toBe(0);
  });

  it('resumes after a held id by position, after an unknown one by id order, from the start without one', () => {
    const ring = new FeedRing({ capacity: 10, maxAgeMs: 60_000, now: () => 0 });
    // Arrival order is not id order after a degraded spell: position wins for held ids.
    for (const id of ['5-0', '9-0', '7-0', '8-0']) ring.add(entry(id, 0));
    expect(ring.after('9-0').map((e) => e.id)).toEqual(['7-0', '8-0']);
    expect(ring.after('6-0').map((e) => e.id)).toEqual(['9-0', '7-0', '8-0']);
    expect(ring.after('not-an-id').map((e) => e.id)).toEqual(['5-0', '9-0', '7-0', '8-0']);
    expect(ring.after('8-0')).toEqual([]);
  });
});
