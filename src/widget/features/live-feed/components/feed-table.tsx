import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FeedEntry } from '../../../../shared/pop-feed';
import { attributeLabel } from '../../../i18n/attribute-labels';
import { callerNumber, useCallerNumber } from '../../../i18n/caller-number';
import { durationShort } from '../../../i18n/figures';
import { formatTime, type MessageId, t } from '../../../i18n/i18n';
import { selectKey } from '../../../i18n/texts';
import { setFilters, setSort, useDashboardStore } from '../model/dashboard-store';
import { type FeedLink, feedLink } from '../model/feed-links';
import { nextSort, type SortColumn, sortFeed } from '../model/feed-sort';
import { agentName, feedAgents, filterFeed, type OutcomeFilter, useFeedStore } from '../model/feed-store';
import { windowRange } from '../model/window-range';

const ROW_HEIGHT = 32;
/** Rows kept in the DOM beyond the ones in view: the feed may hold thousands of pops. */
const OVERSCAN = 10;
const PAGE_ROWS = 10;

const OUTCOMES: Record<FeedEntry['pop']['outcome'], MessageId> = {
  found: 'feed.outcome.found',
  'not-found': 'feed.outcome.notFound',
  error: 'feed.outcome.error',
};

const COLUMNS: { id: string; label: MessageId; sort?: SortColumn; numeric?: boolean }[] = [
  { id: 'time', label: 'feed.col.time', sort: 'time' },
  { id: 'agent', label: 'feed.col.agent', sort: 'agent' },
  { id: 'caller', label: 'feed.col.caller', sort: 'caller' },
  { id: 'outcome', label: 'feed.col.outcome', sort: 'outcome' },
  { id: 'matched', label: 'feed.col.matched' },
  { id: 'detail', label: 'feed.col.detail' },
  { id: 'ttp', label: 'feed.col.ttp', sort: 'ttp', numeric: true },
];

function announceText(entry: FeedEntry): string {
  const { caller, outcome } = entry.pop;
  const values = { agent: agentName(entry.agent), outcome: selectKey(outcome) };
  return caller === undefined
    ? t('feed.announceUnknown', values)
    : t('feed.announce', { ...values, caller: callerNumber(caller) });
}

/** Tells screen-reader users, politely, of each new pop of the team. */
function FeedAnnouncer() {
  const newest = useFeedStore((s) => s.entries[0]);
  const [text, setText] = useState('');
  const announced = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!newest || newest.id === announced.current) return;
    announced.current = newest.id;
    setText(announceText(newest));
  }, [newest]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}

function Filters() {
  const id = useId();
  const entries = useFeedStore((s) => s.entries);
  const text = useDashboardStore((s) => s.text);
  const outcome = useDashboardStore((s) => s.outcome);
  const agent = useDashboardStore((s) => s.agent);
  const agents = useMemo(() => feedAgents(entries), [entries]);
  return (
    <div className="feed__filters">
      <label htmlFor={`${id}-text`}>{t('feed.filter')}</label>
      <input
        id={`${id}-text`}
        type="search"
        value={text}
        onChange={(e) => setFilters({ text: e.target.value })}
      />
      <label htmlFor={`${id}-agent`}>{t('feed.agent')}</label>
      <select id={`${id}-agent`} value={agent} onChange={(e) => setFilters({ agent: e.target.value })}>
        <option value="">{t('feed.allAgents')}</option>
        {agents.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-outcome`}>{t('feed.outcome')}</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(e) => setFilters({ outcome: e.target.value as OutcomeFilter })}
      >
        <option value="all">{t('feed.all')}</option>
        <option value="found">{t('feed.outcome.found')}</option>
        <option value="not-found">{t('feed.outcome.notFound')}</option>
        <option value="error">{t('feed.outcome.error')}</option>
      </select>
    </div>
  );
}

interface FeedTableProps {
  /** Opens a row's history (or a new lookup of its caller) in the view. */
  onOpen(link: FeedLink): void;
  /** The search on screen: its row is marked current. */
  current: { attribute: string; value: string } | null;
}

/**
 * The team's pops, newest first (or as sorted), filtered, one row each: a table the width of the
 * screen, its header always in view, only the rows in view in the DOM. Up/Down, Page Up/Down,
 * Home/End move between rows (one Tab stop for the whole table); Enter opens the row's history.
 */
export function FeedTable({ onOpen, current }: FeedTableProps) {
  const id = useId();
  const entries = useFeedStore((s) => s.entries);
  const text = useDashboardStore((s) => s.text);
  const outcome = useDashboardStore((s) => s.outcome);
  const agent = useDashboardStore((s) => s.agent);
  const sort = useDashboardStore((s) => s.sort);
  const formatCaller = useCallerNumber();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [focusId, setFocusId] = useState<string | null>(null);
  const moved = useRef(false);

  const rows = useMemo(
    () => sortFeed(filterFeed(entries, { text, outcome, agent }), sort),
    [entries, text, outcome, agent, sort],
  );
  const focusIndex = Math.max(0, focusId === null ? 0 : rows.findIndex((entry) => entry.id === focusId));
  const { start, end } = windowRange(scrollTop, viewportHeight, ROW_HEIGHT, rows.length, OVERSCAN);
  // The one Tab stop: the focused row if it is rendered, else the first one in view.
  const tabStop = focusIndex >= start && focusIndex < end ? focusIndex : start;

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    viewport.current?.querySelector<HTMLButtonElement>(`[data-row="${focusIndex}"] button`)?.focus();
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const element = viewport.current;
    if (element) {
      // The header row is sticky: a row must clear it to be in view.
      const top = target * ROW_HEIGHT;
      const visibleTop = element.scrollTop;
      const visibleBottom = visibleTop + element.clientHeight - 2 * ROW_HEIGHT;
      if (top < visibleTop) element.scrollTop = top;
      else if (top > visibleBottom) element.scrollTop = top - element.clientHeight + 2 * ROW_HEIGHT;
      setScrollTop(element.scrollTop);
    }
    moved.current = true;
    setFocusId(rows[target]?.id ?? null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      PageDown: focusIndex + PAGE_ROWS,
      PageUp: focusIndex - PAGE_ROWS,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const sortLabel = (column: SortColumn) => (sort.column === column ? sort.direction : ('none' as const));

  return (
    <section className="feed" aria-labelledby={`${id}-h`}>
      <div className="feed__head">
        <h2 id={`${id}-h`}>{t('feed.heading')}</h2>
        <p className="feed__count">
          {rows.length === entries.length
            ? t('feed.count', { total: entries.length })
            : t('feed.countFiltered', { shown: rows.length, total: entries.length })}
        </p>
        <Filters />
      </div>
      <div
        ref={viewport}
        className="feed__viewport"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <table className="feed__table" aria-labelledby={`${id}-h`} aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  data-column={column.id}
                  aria-sort={column.sort ? sortLabel(column.sort) : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="feed__sort"
                      onClick={() => column.sort && setSort(nextSort(sort, column.sort))}
                    >
                      {t(column.label)}
                    </button>
                  ) : (
                    t(column.label)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {start > 0 ? <tr className="feed__spacer" style={{ height: start * ROW_HEIGHT }} /> : null}
            {rows.slice(start, end).map((entry, offset) => {
              const index = start + offset;
              const { pop } = entry;
              const link = feedLink(entry);
              const caller = pop.caller === undefined ? t('feed.unknownCaller') : formatCaller(pop.caller);
              const isCurrent =
                link !== null &&
                current !== null &&
                link.attribute === current.attribute &&
                link.value === current.value;
              return (
                <tr
                  key={entry.id}
                  data-row={index}
                  data-outcome={pop.outcome}
                  aria-rowindex={index + 2}
                  aria-current={isCurrent || undefined}
                  style={{ height: ROW_HEIGHT }}
                >
                  <td data-column="time">{formatTime(pop.receivedAt)}</td>
                  <td data-column="agent">{agentName(entry.agent)}</td>
                  <td data-column="caller">
                    <button
                      type="button"
                      className="feed__open"
                      tabIndex={index === tabStop ? 0 : -1}
                      aria-disabled={link === null || undefined}
                      aria-label={
                        link === null
                          ? undefined
                          : t(link.kind === 'history' ? 'feed.openHistory' : 'feed.lookUp', { caller })
                      }
                      onFocus={() => setFocusId(entry.id)}
                      onClick={() => link && onOpen(link)}
                    >
                      {caller}
                    </button>
                  </td>
                  <td data-column="outcome">{t(OUTCOMES[pop.outcome])}</td>
                  <td data-column="matched">{pop.attribute ? attributeLabel(pop.attribute) : ''}</td>
                  <td data-column="detail">
                    {pop.outcome === 'error'
                      ? t('feed.errorShort', { code: pop.errorCode ?? 'upstream_error' })
                      : (pop.uniqueId ?? '')}
                  </td>
                  <td data-column="ttp">{durationShort(pop.timings.totalMs)}</td>
                </tr>
              );
            })}
            {end < rows.length ? (
              <tr className="feed__spacer" style={{ height: (rows.length - end) * ROW_HEIGHT }} />
            ) : null}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="feed__empty">{entries.length === 0 ? t('feed.empty') : t('feed.emptyFiltered')}</p>
        ) : null}
      </div>
      <FeedAnnouncer />
    </section>
  );
}
