// Pops over the chosen window, found / not found / failed, stacked: the shape of the team's hour at a
// glance. Drawn by uPlot (small, canvas) in a chunk of its own; the legend is HTML, so it is read,
// translated and laid out like the rest.
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FeedEntry } from '../../../../shared/pop-feed';
import { countText } from '../../../i18n/figures';
import { formatHourMinute, t } from '../../../i18n/i18n';
import { bucketMsFor, popsPerBucket } from '../model/team-stats';

const HEIGHT = 180;

/** uPlot stacks nothing itself: each series is drawn on top of the sum of the ones below. */
function stacked(series: number[][]): number[][] {
  const sums = series[0]?.map(() => 0) ?? [];
  return series.map((values) => values.map((value, i) => (sums[i] = (sums[i] ?? 0) + value)));
}

/**
 * A colour token as the canvas needs it: resolved (`rgb(…)`). A token is `light-dark(…)`, which only a
 * colour property resolves, so a probe element does it in the page's current scheme.
 */
function color(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  probe.hidden = true;
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved || '#888';
}

/** The OS switching between light and dark redraws the chart in the other palette. */
function useColorScheme(): string {
  const query = useMemo(() => window.matchMedia('(prefers-color-scheme: dark)'), []);
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const change = () => setDark(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, [query]);
  return `${document.documentElement.dataset.theme ?? ''}${dark}`;
}

interface FeedChartProps {
  entries: readonly FeedEntry[];
  now: number;
  windowMs: number;
}

export default function FeedChart({ entries, now, windowMs }: FeedChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const scheme = useColorScheme();
  const buckets = useMemo(() => popsPerBucket(entries, now, windowMs), [entries, now, windowMs]);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const totals = { found: sum(buckets.found), notFound: sum(buckets.notFound), error: sum(buckets.error) };
  // Drawn top to bottom: the highest stack (all outcomes) first, so the lower ones paint over it.
  const [errorTop, notFoundTop, foundTop] = stacked([
    buckets.found,
    buckets.notFound,
    buckets.error,
  ]).reverse();
  const data: uPlot.AlignedData = [buckets.starts, errorTop ?? [], notFoundTop ?? [], foundTop ?? []];

  // biome-ignore lint/correctness/useExhaustiveDependencies: `scheme` changes the colours read from the theme.
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const bars = uPlot.paths.bars?.({ size: [0.8, 24] });
    const series = (label: string, fill: string): uPlot.Series => ({
      label,
      fill,
      stroke: fill,
      paths: bars,
      points: { show: false },
    });
    const axis = {
      stroke: color('--muted'),
      grid: { stroke: color('--line'), width: 1 },
      ticks: { show: false },
    };
    const chart = new uPlot(
      {
        width: element.clientWidth || 480,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // uPlot's own time labels are English; the viewer's locale writes these (seconds → ms).
          // Room for a localised hh:mm (or hh:mm AM) between ticks.
          { ...axis, space: 80, values: (_u, splits) => splits.map((s) => formatHourMinute(s * 1000)) },
          {
            ...axis,
            size: 40,
            values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? countText(s) : '')),
          },
        ],
        series: [
          {},
          series(t('feed.chartSeries.error'), color('--series-error')),
          series(t('feed.chartSeries.notFound'), color('--series-not-found')),
          series(t('feed.chartSeries.found'), color('--series-found')),
        ],
      },
      [[], [], [], []],
      element,
    );
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: element.clientWidth || 480, height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure className="feed-chart">
      <figcaption className="feed-chart__caption">
        {t('dashboard.chartCaption', { minutes: bucketMsFor(windowMs) / 60_000 })}
      </figcaption>
      <div
        ref={holder}
        className="feed-chart__plot"
        role="img"
        aria-label={t('dashboard.chartSummary', {
          found: totals.found,
          notFound: totals.notFound,
          failed: totals.error,
        })}
      />
      <ul className="feed-chart__legend">
        <li data-series="found">
          {t('feed.chartSeries.found')} <b>{countText(totals.found)}</b>
        </li>
        <li data-series="not-found">
          {t('feed.chartSeries.notFound')} <b>{countText(totals.notFound)}</b>
        </li>
        <li data-series="error">
          {t('feed.chartSeries.error')} <b>{countText(totals.error)}</b>
        </li>
      </ul>
    </figure>
  );
}
