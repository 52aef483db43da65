import { beforeEach, describe, expect, it } from 'vitest';
import type { Pop } from '../../calls/store/pops-store';
import { addFeedEntry, FEED_LIMIT, filterFeed, useFeedStore } from '../model/feed-store';
import { isPopSummary, type PopSummary, toPopSummary } from '../model/pop-summary';
import { windowRange } from '../model/window-range';

const pop = (patch: Partial<Pop>): Pop => ({
  callId: 'C1',
  caller: '+1',
  callState: 'Ringing',
  receivedAt: 1_000,
  ucs: { status: 'found', interactionId: 'IX', ms: 20 },
  attempts: [],
  released: false,
  ...patch,
});

describe('toPopSummary', () => {
  it('is null while the pop is in progress', () => {
    expect(
      toPopSummary(pop({ attempts: [{ attribute: 'dtmf', source: 'ani', status: 'pending' }] })),
    ).toBeNull();
  });
  it('summarises each outcome with its timings', () => {
    const found = toPopSummary(
      pop({
        settledAt: 1_080,
        attempts: [{ attribute: 'callReturn', source: 'ani', status: 'found', uniqueId: 'U' }],
      }),
    );
    expect(found).toEqual({
      callId: 'C1',
      caller: '+1',
      at: 1_000,
      ucsMs: 20,
      totalMs: 80,
      outcome: 'shown',
      attribute: 'callReturn',
      uniqueId: 'U',
    });
    expect(toPopSummary(pop({ settledAt: 1_050 }))?.outcome).toBe('not-found');
    const failed = toPopSummary(
      pop({
        settledAt: 1_050,
        attempts: [{ attribute: 'dtmf', source: 'ani', status: 'error', errorCode: 'upstream_timeout' }],
      }),
    );
    expect(failed).toMatchObject({ outcome: 'error', errorCode: 'upstream_timeout' });
  });
});

describe('isPopSummary', () => {
  it.each([
    null,
    'x',
    {},
    { callId: 'C', outcome: 'shown' },
    { callId: 'C', outcome: 'boom', at: 1 },
    { callId: 'C', outcome: 'shown', at: 1, attribute: 'ani' },
  ])('refuses %j', (value) => expect(isPopSummary(value)).toBe(false));
  it('accepts a summary', () =>
    expect(isPopSummary({ callId: 'C', outcome: 'shown', at: 1, attribute: 'dtmf' })).toBe(true));
});

describe('feed store', () => {
  beforeEach(() => useFeedStore.setState({ entries: [] }));
  const entry = (callId: string, patch: Partial<PopSummary> = {}): PopSummary => ({
    callId,
    outcome: 'shown',
    at: 1,
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
