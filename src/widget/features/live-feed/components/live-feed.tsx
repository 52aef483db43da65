import { lazy, type MouseEvent, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Attribute } from '../../../../shared/lookup-constants';
import type { FeedEntry } from '../../../../shared/pop-feed';
import { callerNumber, useCallerNumber } from '../../../i18n/caller-number';
import { formatTime, type MessageId, t } from '../../../i18n/i18n';
import { durationText, selectKey } from '../../../i18n/texts';
import { connectFeed } from '../api/feed-stream';
import {
  agentName,
  type FeedState,
  feedAgents,
  filterFeed,
  type OutcomeFilter,
  useFeedStore,
} from '../model/feed-store';
import { windowRange } from '../model/window-range';

// The chart library is for supervisors only, and not needed to read the list: its own chunk.
const FeedChart = lazy(() => import('./feed-chart'));

const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 320;

const OUTCOMES: Record<FeedEntry['pop']['outcome'], MessageId> = {
  found: 'feed.outcome.found',
  'not-found': 'feed.outcome.notFound',
  error: 'feed.outcome.error',
};
const STATES: Record<Exclude<FeedState, 'unavailable'>, MessageId> = {
  connecting: 'feed.state.connecting',
  live: 'feed.state.live',
  degraded: 'feed.state.degraded',
  reconnecting: 'feed.state.reconnecting',
};

function announceText(entry: FeedEntry): string {
  const { caller, outcome } = entry.pop;
  const values = { agent: agentName(entry.agent), outcome: selectKey(outcome) };
  return caller === undefined
    ? t('feed.announceUnknown', values)
    : t('feed.announce', { ...values, caller: callerNumber(caller) });
}

/** Where a row leads: the supervisor's search for the attribute and value that found the history. */
export function historyLink(entry: FeedEntry): { attribute: Attribute; value: string; href: string } | null {
  const { attribute, value, outcome } = entry.pop;
  if (outcome !== 'found' || !attribute || !value) return null;
  const href = `?${new URLSearchParams({ mode: 'supervisor', attribute, value })}`;
  return { attribute, value, href };
}

interface LiveFeedProps {
  /** Opens a search in the view (the app's navigation): a row's history, without reloading the feed. */
  onOpen(attribute: Attribute, value: string): void;
}

export function LiveFeed({ onOpen }: LiveFeedProps) {
  const id = useId();
  const entries = useFeedStore((state) => state.entries);
  const feedState = useFeedStore((state) => state.state);
  const reason = useFeedStore((state) => state.reason);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const [agent, setAgent] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const newest = useRef<string | undefined>(undefined);
  const formatCaller = useCallerNumber();

  useEffect(() => connectFeed(), []);
  useEffect(() => {
    const first = entries[0];
    if (!first || first.id === newest.current) return;
    newest.current = first.id;
    setAnnouncement(announceText(first));
  }, [entries]);

  const rows = filterFeed(entries, { text, outcome, agent });
  const { start, end } = windowRange(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, rows.length);
  const open = (event: MouseEvent, link: NonNullable<ReturnType<typeof historyLink>>) => {
    // A plain click stays in this tab and keeps the stream; a modified one opens a tab as links do.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(link.attribute, link.value);
  };

  return (
    <section className="feed" aria-labelledby={`${id}-h`}>
      <div className="feed__head">
        <h2 id={`${id}-h`}>{t('feed.heading')}</h2>
        <output className="feed__state" data-state={feedState} aria-live="polite">
          {feedState === 'unavailable'
            ? t('feed.unavailable', { reason: reason ?? 'error' })
            : t(STATES[feedState])}
        </output>
      </div>
      <Suspense fallback={null}>
        <FeedChart entries={entries} />
      </Suspense>
      <div className="feed__filters">
        <label htmlFor={`${id}-text`}>{t('feed.filter')}</label>
        <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={`${id}-agent`}>{t('feed.agent')}</label>
        <select id={`${id}-agent`} value={agent} onChange={(e) => setAgent(e.target.value)}>
          <option value="">{t('feed.allAgents')}</option>
          {feedAgents(entries).map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-outcome`}>{t('feed.outcome')}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as OutcomeFilter)}
        >
          <option value="all">{t('feed.all')}</option>
          <option value="found">{t('feed.outcome.found')}</option>
          <option value="not-found">{t('feed.outcome.notFound')}</option>
          <option value="error">{t('feed.outcome.error')}</option>
        </select>
      </div>
      <p className="feed__count">
        {rows.length === entries.length
          ? t('feed.count', { total: entries.length })
          : t('feed.countFiltered', { shown: rows.length, total: entries.length })}
      </p>
      {/* Only the rows in view are in the DOM: the feed may hold hundreds of entries. */}
      <div
        className="feed__viewport"
        style={{ height: Math.min(VIEWPORT_HEIGHT, Math.max(rows.length, 1) * ROW_HEIGHT) }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable feed must be reachable by keyboard.
        tabIndex={0}
      >
        <ol
          className="feed__list"
          aria-label={t('feed.heading')}
          style={{ height: rows.length * ROW_HEIGHT }}
        >
          {rows.slice(start, end).map((entry, offset) => {
            const { pop } = entry;
            const link = historyLink(entry);
            return (
              <li
                key={entry.id}
                className="feed__row"
                data-outcome={pop.outcome}
                aria-setsize={rows.length}
                aria-posinset={start + offset + 1}
                style={{ top: (start + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
              >
                <span className="feed__time">{formatTime(pop.receivedAt)}</span>
                <span className="feed__agent">{agentName(entry.agent)}</span>
                <span className="feed__caller">
                  {pop.caller === undefined ? t('feed.unknownCaller') : formatCaller(pop.caller)}
                </span>
                <span className="feed__outcome">{t(OUTCOMES[pop.outcome])}</span>
                <span className="feed__detail">
                  {link ? (
                    <a href={link.href} onClick={(event) => open(event, link)}>
                      {t('feed.won', { attribute: pop.attribute ?? '', uniqueId: pop.uniqueId ?? '' })}
                    </a>
                  ) : pop.outcome === 'error' ? (
                    (pop.errorCode ?? '')
                  ) : (
                    ''
                  )}
                </span>
                <span className="feed__ms">{durationText(pop.timings.totalMs)}</span>
              </li>
            );
          })}
        </ol>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
