import { useEffect, useId, useRef, useState } from 'react';
import { texts } from '../../../ui/texts';
import { subscribePopSummaries } from '../model/feed-channel';
import { filterFeed, type OutcomeFilter, useFeedStore } from '../model/feed-store';
import { windowRange } from '../model/window-range';

const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 320;

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour12: false });

export function LiveFeed() {
  const id = useId();
  const entries = useFeedStore((state) => state.entries);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const [scrollTop, setScrollTop] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const newest = useRef<string | undefined>(undefined);

  useEffect(() => subscribePopSummaries(), []);
  useEffect(() => {
    const first = entries[0];
    if (!first || first.callId === newest.current) return;
    newest.current = first.callId;
    setAnnouncement(texts.feed.announce(first.caller, texts.feed.outcomes[first.outcome]));
  }, [entries]);

  const rows = filterFeed(entries, text, outcome);
  const { start, end } = windowRange(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, rows.length);

  return (
    <section className="feed" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{texts.feed.heading}</h2>
      <div className="feed__filters">
        <label htmlFor={`${id}-text`}>{texts.feed.filter}</label>
        <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={`${id}-outcome`}>{texts.feed.outcome}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as OutcomeFilter)}
        >
          <option value="all">{texts.feed.all}</option>
          <option value="found">{texts.feed.outcomes.found}</option>
          <option value="not-found">{texts.feed.outcomes['not-found']}</option>
          <option value="error">{texts.feed.outcomes.error}</option>
        </select>
      </div>
      <p className="feed__count">{texts.feed.count(rows.length, entries.length)}</p>
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
          aria-label={texts.feed.heading}
          style={{ height: rows.length * ROW_HEIGHT }}
        >
          {rows.slice(start, end).map((entry, offset) => (
            <li
              key={entry.callId}
              className="feed__row"
              data-outcome={entry.outcome}
              aria-setsize={rows.length}
              aria-posinset={start + offset + 1}
              style={{ top: (start + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
            >
              <span className="feed__time">{time(entry.receivedAt)}</span>
              <span className="feed__caller">{entry.caller ?? texts.feed.unknownCaller}</span>
              <span className="feed__outcome">{texts.feed.outcomes[entry.outcome]}</span>
              <span className="feed__detail">
                {entry.outcome === 'found'
                  ? `${entry.attribute}: ${entry.uniqueId}`
                  : entry.outcome === 'error'
                    ? (entry.errorCode ?? '')
                    : ''}
              </span>
              <span className="feed__ms">
                {texts.feed.timings(entry.timings.ucsMs, entry.timings.totalMs)}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
