// Pops per minute over the last hour, split by outcome: what the feed's chart draws.
import type { FeedEntry } from '../../../../shared/pop-feed';

export interface PerMinute {
  /** Start of each minute, epoch seconds (uPlot's x axis unit). */
  minutes: number[];
  found: number[];
  notFound: number[];
  error: number[];
}

export function popsPerMinute(entries: readonly FeedEntry[], now: number, span = 60): PerMinute {
  const last = Math.floor(now / 60_000);
  const first = last - span + 1;
  const series: PerMinute = { minutes: [], found: [], notFound: [], error: [] };
  for (let minute = first; minute <= last; minute++) {
    series.minutes.push(minute * 60);
    series.found.push(0);
    series.notFound.push(0);
    series.error.push(0);
  }
  for (const { pop } of entries) {
    const index = Math.floor(pop.receivedAt / 60_000) - first;
    if (index < 0 || index >= span) continue;
    const counts =
      pop.outcome === 'found' ? series.found : pop.outcome === 'not-found' ? series.notFound : series.error;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return series;
}
