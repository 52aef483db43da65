// GET /api/pops/stream: the team feed as Server-Sent Events, through the browser's EventSource (which
// reconnects by itself and resumes with Last-Event-ID). A refused stream (not a supervisor, no
// session) is closed by the browser without a word: one plain request then tells why.
import { useEffect } from 'react';
import { FEED_EVENTS, type FeedEntry, type FeedStatus } from '../../../../shared/pop-feed';
import * as feed from '../../../../shared/pop-feed?validators';
import { POPS_STREAM_PATH } from '../../../../shared/pop-feed-constants';
import { guard } from '../../../lib/schema';
import { addFeedEntries, type FeedUnavailable, setFeedState } from '../model/feed-store';

const isFeedEntry = guard<FeedEntry>(feed.FeedEntry, 'FeedEntry');
const isFeedStatus = guard<FeedStatus>(feed.FeedStatus, 'FeedStatus');

/** After a refusal that may heal (proxy restarting, 5xx), ask again this long after. */
const RETRY_MS = 5_000;

async function whyRefused(): Promise<FeedUnavailable> {
  const controller = new AbortController();
  try {
    const response = await fetch(POPS_STREAM_PATH, {
      headers: { Accept: 'application/problem+json' },
      signal: controller.signal,
    });
    if (response.status === 403) return 'forbidden';
    if (response.status === 401) return 'unauthenticated';
    return 'error';
  } catch {
    return 'error';
  } finally {
    controller.abort();
  }
}

function parse(event: MessageEvent): unknown {
  try {
    return JSON.parse(String(event.data));
  } catch {
    return undefined;
  }
}

/** Opens the stream; returns the function that closes it. */
export function connectFeed(log: (message: string) => void = (m) => console.warn(`[uhw] ${m}`)): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let serverState: FeedStatus['state'] = 'live';
  // A reconnect replays the backlog: hundreds of events at once are added in one render.
  let batch: FeedEntry[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    setFeedState('connecting');
    const stream = new EventSource(POPS_STREAM_PATH);
    source = stream;
    stream.addEventListener('open', () => setFeedState(serverState));
    stream.addEventListener(FEED_EVENTS.pop, (event) => {
      const entry = parse(event as MessageEvent);
      if (!isFeedEntry(entry)) {
        log(`feed event ignored: ${isFeedEntry.explain(entry)}`);
        return;
      }
      batch.push(entry);
      flush ??= setTimeout(() => {
        flush = undefined;
        addFeedEntries(batch);
        batch = [];
      }, 50);
    });
    stream.addEventListener(FEED_EVENTS.status, (event) => {
      const status = parse(event as MessageEvent);
      if (!isFeedStatus(status)) return;
      serverState = status.state;
      setFeedState(serverState);
    });
    stream.addEventListener('error', () => {
      if (closed) return;
      if (stream.readyState !== EventSource.CLOSED) {
        setFeedState('reconnecting');
        return;
      }
      void whyRefused().then((reason) => {
        if (closed) return;
        setFeedState('unavailable', reason);
        if (reason === 'error') retry = setTimeout(open, RETRY_MS);
      });
    });
  };
  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    clearTimeout(flush);
    source?.close();
  };
}

/** Follows the team feed while the calling component is mounted. */
export function useFeedConnection(): void {
  useEffect(() => connectFeed(), []);
}
