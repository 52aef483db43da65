// The team feed's table, sorted by a column the supervisor picked (newest first until they do).
import type { FeedEntry } from '../../../../shared/pop-feed';
import { agentName } from './feed-store';

export const SORTABLE = ['time', 'agent', 'caller', 'outcome', 'ttp'] as const;
export type SortColumn = (typeof SORTABLE)[number];
export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}
export const DEFAULT_SORT: Sort = { column: 'time', direction: 'descending' };

const OUTCOME_ORDER: Record<FeedEntry['pop']['outcome'], number> = { error: 0, 'not-found': 1, found: 2 };

const keys: Record<SortColumn, (entry: FeedEntry) => number | string> = {
  time: (entry) => entry.pop.receivedAt,
  agent: (entry) => agentName(entry.agent).toLocaleLowerCase(),
  caller: (entry) => entry.pop.caller ?? '',
  outcome: (entry) => OUTCOME_ORDER[entry.pop.outcome],
  ttp: (entry) => entry.pop.timings.totalMs,
};

/** A new array; ties keep the feed's own order (newest first). */
export function sortFeed(entries: readonly FeedEntry[], sort: Sort): FeedEntry[] {
  if (sort.column === 'time' && sort.direction === 'descending') return [...entries];
  const key = keys[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return entries
    .map((entry, index) => ({ entry, index, key: key(entry) }))
    .sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index))
    .map(({ entry }) => entry);
}

/** A click on a column header: that column, the other way round if it was already the one. */
export const nextSort = (current: Sort, column: SortColumn): Sort =>
  current.column === column
    ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { column, direction: column === 'time' || column === 'ttp' ? 'descending' : 'ascending' };
