import Value from 'typebox/value';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedEntry } from '../../../../shared/pop-feed';
import { feedLink, historyLink } from '../model/feed-links';
import {
  addFeedEntries,
  agentName,
  FEED_LIMIT,
  feedAgents,
  filterFeed,
  useFeedStore,
} from '../model/feed-store';
import { windowRange } from '../model/window-range';

const entry = (
  id: string,
  patch: Partial<FeedEntry['pop']> = {},
  agent: FeedEntry['agent'] = { id: 'agent-1', firstName: 'Dana', lastName: 'Demo' },
): FeedEntry => ({
  id,
  agent,
  reportedAt: 1,
  pop: { callId: `C-${id}`, outcome: 'found', receivedAt: 1, timings: { totalMs: 1 }, ...patch },
});

describe('feed entries', () => {
  it('match the shared schema', () => {
    expect(Value.Check(FeedEntry, entry('1', { attribute: 'dtmf', value: '4567', uniqueId: 'U' }))).toBe(
      true,
    );
    expect(Value.Check(FeedEntry, { ...entry('1'), agent: {} })).toBe(false);
  });
});

describe('feed store', () => {
  beforeEach(() => useFeedStore.setState({ entries: [] }));

  it('keeps the newest first, one entry per event id, bounded', () => {
    addFeedEntries(Array.from({ length: FEED_LIMIT + 50 }, (_, i) => entry(`${i}`)));
    addFeedEntries([entry('10', { outcome: 'error' })]);
    const { entries } = useFeedStore.getState();
    expect(entries).toHaveLength(FEED_LIMIT);
    expect(entries[0]).toMatchObject({ id: '10', pop: { outcome: 'error' } });
    expect(entries[1]?.id).toBe(`${FEED_LIMIT + 49}`);
    expect(entries.filter((e) => e.id === '10')).toHaveLength(1);
  });

  it('filters by text, outcome and agent', () => {
    const sam = { id: 'agent-2', userName: 'sam' };
    const entries = [
      entry('A', { caller: '+1415' }),
      entry('B', { caller: '+1999', outcome: 'not-found' }, sam),
    ];
    expect(filterFeed(entries, { text: '1415', outcome: 'all', agent: '' }).map((e) => e.id)).toEqual(['A']);
    expect(filterFeed(entries, { text: '', outcome: 'not-found', agent: '' }).map((e) => e.id)).toEqual([
      'B',
    ]);
    expect(filterFeed(entries, { text: '', outcome: 'all', agent: 'agent-2' }).map((e) => e.id)).toEqual([
      'B',
    ]);
    expect(filterFeed(entries, { text: 'dana', outcome: 'all', agent: '' }).map((e) => e.id)).toEqual(['A']);
    expect(feedAgents(entries)).toEqual([
      { id: 'agent-1', name: 'Dana Demo' },
      { id: 'agent-2', name: 'sam' },
    ]);
  });

  it('names an agent by name, else user name, else id', () => {
    expect(agentName({ id: 'a', firstName: 'Dana', lastName: 'Demo', userName: 'dd' })).toBe('Dana Demo');
    expect(agentName({ id: 'a', userName: 'dd' })).toBe('dd');
    expect(agentName({ id: 'a' })).toBe('a');
  });

  it('links a found pop to the search that shows its history', () => {
    expect(historyLink(entry('1', { attribute: 'callReturn', value: '+1415', uniqueId: 'U' }))).toEqual({
      attribute: 'callReturn',
      value: '+1415',
      href: '?mode=supervisor&attribute=callReturn&value=%2B1415',
    });
    expect(historyLink(entry('2', { outcome: 'not-found' }))).toBeNull();
  });
});

describe('windowRange', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(windowRange(0, 320, 32, 1_000)).toEqual({ start: 0, end: 15 });
    expect(windowRange(3_200, 320, 32, 1_000)).toEqual({ start: 95, end: 115 });
    expect(windowRange(1_000_000, 320, 32, 20)).toEqual({ start: 20, end: 20 });
  });
});

describe('feedLink', () => {
  it('opens the history a pop found, else looks its caller up again, else nothing', () => {
    expect(feedLink(entry('1', { attribute: 'dtmf', value: '4567', uniqueId: 'U' }))).toMatchObject({
      kind: 'history',
      attribute: 'dtmf',
      value: '4567',
    });
    expect(feedLink(entry('2', { outcome: 'not-found', caller: '+1999' }))).toEqual({
      kind: 'lookup',
      attribute: 'callReturn',
      value: '+1999',
      href: '?mode=supervisor&attribute=callReturn&value=%2B1999',
    });
    expect(feedLink(entry('3', { outcome: 'error' }))).toBeNull();
  });
});
