import { lazy, Suspense, useId, useMemo } from 'react';
import { countText, durationShort, percentText } from '../../../i18n/figures';
import { formatHourMinute, type MessageId, t } from '../../../i18n/i18n';
import { useNow } from '../../../ui/use-now';
import { chooseWindow, useDashboardStore } from '../model/dashboard-store';
import { FEED_LIMIT, useFeedStore } from '../model/feed-store';
import { type TeamStats, teamStats, WINDOWS, type WindowKey } from '../model/team-stats';
import { AgentTable } from './agent-table';

// The chart library is for supervisors only, and not needed to read the figures: its own chunk.
const FeedChart = lazy(() => import('./feed-chart'));

const WINDOW_LABELS: Record<WindowKey, MessageId> = {
  '15m': 'dashboard.window.15m',
  '1h': 'dashboard.window.1h',
  '4h': 'dashboard.window.4h',
  '8h': 'dashboard.window.8h',
};

/** The figures move with the clock as well as with new pops. */
const TICK_MS = 15_000;
const NONE = '–';

function WindowPicker() {
  const id = useId();
  const current = useDashboardStore((s) => s.window);
  return (
    <fieldset className="window-picker">
      <legend>{t('dashboard.window')}</legend>
      {(Object.keys(WINDOWS) as WindowKey[]).map((key) => (
        <label key={key} className="window-picker__option" htmlFor={`${id}-${key}`}>
          <input
            id={`${id}-${key}`}
            type="radio"
            name={`${id}-window`}
            value={key}
            checked={current === key}
            onChange={() => chooseWindow(key)}
          />
          {t(WINDOW_LABELS[key])}
        </label>
      ))}
    </fieldset>
  );
}

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: string;
}) {
  return (
    <div className="kpi" data-tone={tone}>
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">{value}</dd>
      {detail ? <dd className="kpi__detail">{detail}</dd> : null}
    </div>
  );
}

function Figures({ stats }: { stats: TeamStats }) {
  const share = (count: number) => (stats.pops ? percentText(count / stats.pops) : NONE);
  return (
    <dl className="kpis">
      <Figure label={t('dashboard.kpi.pops')} value={countText(stats.pops)} />
      <Figure
        label={t('dashboard.kpi.found')}
        value={stats.foundShare === null ? NONE : percentText(stats.foundShare)}
        detail={t('dashboard.kpi.ofPops', { count: stats.found, pops: stats.pops })}
        tone="ok"
      />
      <Figure
        label={t('dashboard.kpi.notFound')}
        value={countText(stats.notFound)}
        detail={share(stats.notFound)}
      />
      <Figure
        label={t('dashboard.kpi.failed')}
        value={countText(stats.failed)}
        detail={share(stats.failed)}
        tone={stats.failed > 0 ? 'bad' : undefined}
      />
      <Figure label={t('dashboard.kpi.p50')} value={stats.p50 === null ? NONE : durationShort(stats.p50)} />
      <Figure label={t('dashboard.kpi.p95')} value={stats.p95 === null ? NONE : durationShort(stats.p95)} />
    </dl>
  );
}

/** The team at a glance for the chosen window: figures, pops over time, and agents. */
export function TeamOverview({ backlogMaxAgeMs }: { backlogMaxAgeMs: number }) {
  const id = useId();
  const entries = useFeedStore((s) => s.entries);
  const openedAt = useFeedStore((s) => s.openedAt);
  const windowKey = useDashboardStore((s) => s.window);
  const now = useNow(TICK_MS);
  // New pops move `now` too: a pop that just arrived is inside the window.
  const at = Math.max(now, entries[0]?.pop.receivedAt ?? 0);
  const windowMs = WINDOWS[windowKey];
  const stats = useMemo(
    () =>
      teamStats(entries, at, windowMs, {
        openedAt: openedAt ?? at,
        backlogMaxAgeMs,
        full: entries.length >= FEED_LIMIT,
      }),
    [entries, at, windowMs, openedAt, backlogMaxAgeMs],
  );
  return (
    <section className="overview" aria-labelledby={`${id}-h`}>
      <div className="overview__head">
        <h2 id={`${id}-h`}>{t('dashboard.heading')}</h2>
        <WindowPicker />
        {stats.coveredFrom === null ? null : (
          <p className="overview__coverage">
            {t('dashboard.coveredFrom', { time: formatHourMinute(stats.coveredFrom) })}
          </p>
        )}
      </div>
      <Figures stats={stats} />
      <div className="overview__grid">
        <Suspense fallback={<div className="feed-chart feed-chart--loading" />}>
          <FeedChart entries={entries} now={at} windowMs={windowMs} />
        </Suspense>
        <AgentTable agents={stats.agents} />
      </div>
    </section>
  );
}
