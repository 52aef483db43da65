// The pops this browser has seen, newest first, bounded so a shift-long tab stays small.
import { create } from 'zustand';
import type { PopSummary } from './pop-summary';

export const FEED_LIMIT = 500;

interface FeedState {
  entries: PopSummary[];
}

export const useFeedStore = create<FeedState>()(() => ({ entries: [] }));

/** Adds or replaces (a retried pop settles again) the entry of a call. */
export function addFeedEntry(entry: PopSummary): void {
  useFeedStore.setState((state) => ({
    entries: [entry, ...state.entries.filter((e) => e.callId !== entry.callId)].slice(0, FEED_LIMIT),
  }));
}

export type OutcomeFilter = 'all' | PopSummary['outcome'];

export function filterFeed(
  entries: readonly PopSummary[],
  text: string,
  outcome: OutcomeFilter,
): PopSummary[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (outcome === 'all' || entry.outcome === outcome) &&
      (!needle ||
        [entry.caller, entry.uniqueId, entry.attribute, entry.errorCode].some((field) =>
          field?.toLowerCase().includes(needle),
        )),
  );
}
