// The team feed as the supervisor's tab holds it: newest first, one entry per event id, bounded so a
// shift-long tab stays small; and the state of the stream behind it.
import { create } from 'zustand';
import type { FeedEntry } from '../../../../shared/pop-feed';

/** A shift of a busy team's pops (~700 bytes each): the dashboard's figures come from these. */
export const FEED_LIMIT = 5_000;

/**
 * `live`: every replica's pops arrive; `degraded`: the proxy's shared store is down, only its own
 * replica's pops arrive; `reconnecting`: the stream dropped and the browser is reconnecting;
 * `unavailable`: the proxy refused the stream (see `reason`).
 */
export type FeedState = 'connecting' | 'live' | 'degraded' | 'reconnecting' | 'unavailable';
export type FeedUnavailable = 'forbidden' | 'unauthenticated' | 'error';

interface FeedStoreState {
  entries: FeedEntry[];
  /** When this tab first opened the stream (epoch ms): what the dashboard's figures can cover. */
  openedAt: number | null;
  state: FeedState;
  reason: FeedUnavailable | null;
}

export const useFeedStore = create<FeedStoreState>()(() => ({
  entries: [],
  openedAt: null,
  state: 'connecting',
  reason: null,
}));

export function addFeedEntries(added: readonly FeedEntry[]): void {
  if (added.length === 0) return;
  useFeedStore.setState((state) => {
    const ids = new Set(added.map((entry) => entry.id));
    const entries = [...added].reverse().concat(state.entries.filter((entry) => !ids.has(entry.id)));
    return { entries: entries.slice(0, FEED_LIMIT) };
  });
}

export const setFeedState = (state: FeedState, reason: FeedUnavailable | null = null) =>
  useFeedStore.setState((current) => ({
    state,
    reason,
    openedAt: current.openedAt ?? (state === 'live' || state === 'degraded' ? Date.now() : null),
  }));

export type OutcomeFilter = 'all' | FeedEntry['pop']['outcome'];

/** How the feed names an agent: first and last name, else user name, else id. */
export function agentName(agent: FeedEntry['agent']): string {
  const full = [agent.firstName, agent.lastName].filter(Boolean).join(' ');
  return full || agent.userName || agent.id;
}

export function filterFeed(
  entries: readonly FeedEntry[],
  filters: { text: string; outcome: OutcomeFilter; agent: string },
): FeedEntry[] {
  const needle = filters.text.trim().toLowerCase();
  return entries.filter(
    ({ pop, agent }) =>
      (filters.outcome === 'all' || pop.outcome === filters.outcome) &&
      (!filters.agent || agent.id === filters.agent) &&
      (!needle ||
        [pop.caller, pop.uniqueId, pop.attribute, pop.errorCode, agentName(agent)].some((field) =>
          field?.toLowerCase().includes(needle),
        )),
  );
}

/** The agents seen in the feed, for the agent filter, by name. */
export function feedAgents(entries: readonly FeedEntry[]): { id: string; name: string }[] {
  const agents = new Map<string, string>();
  for (const { agent } of entries) if (!agents.has(agent.id)) agents.set(agent.id, agentName(agent));
  return [...agents].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
