// Pops per minute over the last hour, found / not found / failed, stacked: the shape of the team's
// hour at a glance. Drawn by uPlot (small, canvas) in a chunk of its own.
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FeedEntry } from '../../../../shared/pop-feed';
import { formatHourMinute, t } from '../../../i18n/i18n';
import { popsPerMinute } from '../model/per-minute';

const HEIGHT = 140;

/** uPlot stacks nothing itself: each series is drawn on top of the sum of the ones below. */
function stacked(series: number[][]): number[][] {
  const sums = series[0]?.map(() => 0) ?? [];
  return series.map((values) => values.map((value, i) => (sums[i] = (sums[i] ?? 0) + value)));
}

const color = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

export default function FeedChart({ entries }: { entries: readonly FeedEntry[] }) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const perMinute = useMemo(
    () => popsPerMinute(entries, Math.max(now, entries[0]?.pop.receivedAt ?? 0)),
    [entries, now],
  );
  const totals = {
    found: perMinute.found.reduce((a, b) => a + b, 0),
    notFound: perMinute.notFound.reduce((a, b) => a + b, 0),
    error: perMinute.error.reduce((a, b) => a + b, 0),
  };
  // Drawn top to bottom: the highest stack (all outcomes) first, so the lower ones paint over it.
  const [errorTop, notFoundTop, foundTop] = stacked([
    perMinute.found,
    perMinute.notFound,
    perMinute.error,
  ]).reverse();
  const data: uPlot.AlignedData = [perMinute.minutes, errorTop ?? [], notFoundTop ?? [], foundTop ?? []];

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const bars = uPlot.paths.bars?.({ size: [0.8, 12] });
    const series = (label: string, fill: string): uPlot.Series => ({
      label,
      fill,
      stroke: fill,
      paths: bars,
      points: { show: false },
    });
    const chart = new uPlot(
      {
        width: element.clientWidth || 360,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // uPlot's own time labels are English; the agent's locale writes these (seconds → ms).
          { stroke: color('--muted'), values: (_u, splits) => splits.map((s) => formatHourMinute(s * 1000)) },
          { stroke: color('--muted'), size: 32 },
        ],
        series: [
          {},
          series(t('feed.chartSeries.error'), color('--bad')),
          series(t('feed.chartSeries.notFound'), color('--muted')),
          series(t('feed.chartSeries.found'), color('--ok')),
        ],
      },
      [[], [], [], []],
      element,
    );
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: element.clientWidth || 360, height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure className="feed-chart">
      <div
        ref={holder}
        role="img"
        aria-label={t('feed.chartSummary', {
          found: totals.found,
          notFound: totals.notFound,
          failed: totals.error,
        })}
      />
      <figcaption>{t('feed.chartCaption')}</figcaption>
    </figure>
  );
}
