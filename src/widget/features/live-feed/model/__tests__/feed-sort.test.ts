import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../../../shared/pop-feed';
import { DEFAULT_SORT, nextSort, sortFeed } from '../feed-sort';

const entry = (id: string, pop: Partial<FeedEntry['pop']>, firstName = 'Dana'): FeedEntry => ({
  id,
  agent: { id: firstName, firstName },
  reportedAt: 1,
  pop: { callId: id, outcome: 'found', receivedAt: 1, timings: { totalMs: 1 }, ...pop },
});

const feed = [
  entry('3', { receivedAt: 30, timings: { totalMs: 300 }, outcome: 'not-found' }, 'Zoe'),
  entry('2', { receivedAt: 20, timings: { totalMs: 100 }, outcome: 'error' }, 'ana'),
  entry('1', { receivedAt: 10, timings: { totalMs: 200 } }, 'Bob'),
];
const ids = (entries: FeedEntry[]) => entries.map((e) => e.id);

describe('sortFeed', () => {
  it('keeps the feed order (newest first) by default', () => {
    expect(ids(sortFeed(feed, DEFAULT_SORT))).toEqual(['3', '2', '1']);
  });
  it('sorts by agent name ignoring case, by time to pop, by outcome (failures first)', () => {
    expect(ids(sortFeed(feed, { column: 'agent', direction: 'ascending' }))).toEqual(['2', '1', '3']);
    expect(ids(sortFeed(feed, { column: 'ttp', direction: 'descending' }))).toEqual(['3', '1', '2']);
    expect(ids(sortFeed(feed, { column: 'outcome', direction: 'ascending' }))).toEqual(['2', '3', '1']);
    expect(ids(sortFeed(feed, { column: 'time', direction: 'ascending' }))).toEqual(['1', '2', '3']);
  });
  it('does not reorder its input', () => {
    sortFeed(feed, { column: 'agent', direction: 'ascending' });
    expect(ids(feed)).toEqual(['3', '2', '1']);
  });
});

describe('nextSort', () => {
  it('turns the same column round, starts another in its natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'time')).toEqual({ column: 'time', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'agent')).toEqual({ column: 'agent', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'ttp')).toEqual({ column: 'ttp', direction: 'descending' });
  });
});
