import { beforeEach, describe, expect, it } from 'vitest';
import { addFeedEntry, FEED_LIMIT, filterFeed, useFeedStore } from '../model/feed-store';
import { isPopSummary, type PopSummary } from '../model/pop-summary';
import { windowRange } from '../model/window-range';

describe('isPopSummary', () => {
  it.each([
    null,
    'x',
    {},
    { callId: 'C', outcome: 'found' },
    { callId: 'C', outcome: 'boom', receivedAt: 1, timings: { totalMs: 1 } },
    { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 1 }, attribute: 'ani' },
    { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 1 }, extra: true },
  ])('refuses %j', (value) => expect(isPopSummary(value)).toBe(false));
  it('accepts a report', () =>
    expect(
      isPopSummary({
        callId: 'C',
        outcome: 'found',
        receivedAt: 1,
        timings: { totalMs: 5 },
        attribute: 'dtmf',
      }),
    ).toBe(true));
});

describe('feed store', () => {
  beforeEach(() => useFeedStore.setState({ entries: [] }));
  const entry = (callId: string, patch: Partial<PopSummary> = {}): PopSummary => ({
    callId,
    outcome: 'found',
    receivedAt: 1,
    timings: { totalMs: 1 },
    ...patch,
  });

  it('keeps the newest first, one entry per call, bounded', () => {
    for (let i = 0; i < FEED_LIMIT + 50; i++) addFeedEntry(entry(`C${i}`));
    addFeedEntry(entry('C10', { outcome: 'error' }));
    const { entries } = useFeedStore.getState();
    expect(entries).toHaveLength(FEED_LIMIT);
    expect(entries[0]).toMatchObject({ callId: 'C10', outcome: 'error' });
    expect(entries.filter((e) => e.callId === 'C10')).toHaveLength(1);
  });

  it('filters by text and outcome', () => {
    const entries = [entry('A', { caller: '+1415' }), entry('B', { caller: '+1999', outcome: 'not-found' })];
    expect(filterFeed(entries, '1415', 'all').map((e) => e.callId)).toEqual(['A']);
    expect(filterFeed(entries, '', 'not-found').map((e) => e.callId)).toEqual(['B']);
  });
});

describe('windowRange', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(windowRange(0, 320, 32, 1_000)).toEqual({ start: 0, end: 15 });
    expect(windowRange(3_200, 320, 32, 1_000)).toEqual({ start: 95, end: 115 });
    expect(windowRange(1_000_000, 320, 32, 20)).toEqual({ start: 20, end: 20 });
  });
});
