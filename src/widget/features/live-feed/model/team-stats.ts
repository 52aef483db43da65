// The figures of the supervisor's dashboard, from the pops the tab holds: how many in the window, what
// share found a history, how long agents waited (p50, p95 of time to pop), and per agent, so the one
// with failures stands out. Pure: the view recomputes it when the feed or the clock moves.
import type { FeedEntry } from '../../../../shared/pop-feed';
import { agentName } from './feed-store';

export const WINDOWS = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '4h': 4 * 60 * 60_000,
  '8h': 8 * 60 * 60_000,
} as const;
export type WindowKey = keyof typeof WINDOWS;
export const isWindowKey = (value: unknown): value is WindowKey =>
  typeof value === 'string' && Object.hasOwn(WINDOWS, value);

export interface Counts {
  pops: number;
  found: number;
  notFound: number;
  failed: number;
  /** found / pops; null without pops. */
  foundShare: number | null;
  /** Time to pop percentiles, ms; null without pops. */
  p50: number | null;
  p95: number | null;
}

export interface AgentStats extends Counts {
  id: string;
  name: string;
}

export interface TeamStats extends Counts {
  /** Start of the window, epoch ms. */
  from: number;
  /** Where the figures really start when the tab holds less than the window (null: the whole window). */
  coveredFrom: number | null;
  agents: AgentStats[];
}

/** Nearest-rank percentile of `sorted` (ascending): the value at least q of them do not exceed. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function counts(entries: readonly FeedEntry[]): Counts {
  let found = 0;
  let notFound = 0;
  let failed = 0;
  const times: number[] = [];
  for (const { pop } of entries) {
    if (pop.outcome === 'found') found += 1;
    else if (pop.outcome === 'not-found') notFound += 1;
    else failed += 1;
    times.push(pop.timings.totalMs);
  }
  times.sort((a, b) => a - b);
  const pops = entries.length;
  return {
    pops,
    found,
    notFound,
    failed,
    foundShare: pops ? found / pops : null,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
  };
}

export interface Coverage {
  /** When this tab started following the feed, epoch ms. */
  openedAt: number;
  /** How far back the proxy replays on connect (FEED_BACKLOG_MAX_AGE_S). */
  backlogMaxAgeMs: number;
  /** The tab holds as many pops as it keeps: older ones were dropped. */
  full: boolean;
}

/**
 * `entries` newest first (the feed store's order). Agents are ordered by failures, then pops, so the
 * one a supervisor should look at comes first.
 */
export function teamStats(
  entries: readonly FeedEntry[],
  now: number,
  windowMs: number,
  coverage: Coverage,
): TeamStats {
  const from = now - windowMs;
  const inWindow = entries.filter((entry) => entry.pop.receivedAt >= from && entry.pop.receivedAt <= now);
  const byAgent = new Map<string, FeedEntry[]>();
  for (const entry of inWindow) {
    const list = byAgent.get(entry.agent.id);
    if (list) list.push(entry);
    else byAgent.set(entry.agent.id, [entry]);
  }
  const agents = [...byAgent.values()]
    .map((list) => ({
      id: list[0]?.agent.id ?? '',
      name: agentName(list[0]?.agent ?? { id: '' }),
      ...counts(list),
    }))
    .sort((a, b) => b.failed - a.failed || b.pops - a.pops || a.name.localeCompare(b.name));
  const oldest = entries.at(-1)?.pop.receivedAt;
  const replayedFrom = coverage.openedAt - coverage.backlogMaxAgeMs;
  const start = coverage.full && oldest !== undefined ? Math.max(oldest, replayedFrom) : replayedFrom;
  return { ...counts(inWindow), from, coveredFrom: start > from ? start : null, agents };
}

export interface Buckets {
  /** Start of each bucket, epoch seconds (uPlot's x unit). */
  starts: number[];
  found: number[];
  notFound: number[];
  error: number[];
}

/** The bucket size that draws a window in 15 to 60 bars. */
export const bucketMsFor = (windowMs: number): number =>
  windowMs <= WINDOWS['1h'] ? 60_000 : windowMs <= WINDOWS['4h'] ? 5 * 60_000 : 10 * 60_000;

/** Pops per bucket over the window, by outcome: what the dashboard's chart draws. */
export function popsPerBucket(entries: readonly FeedEntry[], now: number, windowMs: number): Buckets {
  const size = bucketMsFor(windowMs);
  const last = Math.floor(now / size);
  const count = Math.ceil(windowMs / size);
  const first = last - count + 1;
  const series: Buckets = { starts: [], found: [], notFound: [], error: [] };
  for (let bucket = first; bucket <= last; bucket++) {
    series.starts.push((bucket * size) / 1000);
    series.found.push(0);
    series.notFound.push(0);
    series.error.push(0);
  }
  for (const { pop } of entries) {
    const index = Math.floor(pop.receivedAt / size) - first;
    if (index < 0 || index >= count) continue;
    const list =
      pop.outcome === 'found' ? series.found : pop.outcome === 'not-found' ? series.notFound : series.error;
    list[index] = (list[index] ?? 0) + 1;
  }
  return series;
}
