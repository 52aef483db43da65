// Warms the connection the history frame will use. The browser keeps a cross-site frame's connections
// apart from its embedder's (network partitioning by top-level site and frame site), so a preconnect or
// fetch from the widget's page opens a connection the history frame never uses. A frame of the history
// site does: a hidden one (no scripts, its own origin) loads HISTORY_WARMUP_URL, then goes away, and
// the history page that follows finds the TCP + TLS connection open. Loaded lazily, off the pop's way.
import type { WidgetConfig } from '../../../shared/widget-config';
import { warmupSchedule } from './model/warmup-schedule';

/** A warm-up that has not loaded by then is given up (its connection, if any, stays). */
const GIVE_UP_MS = 10_000;

export interface HistoryWarmer {
  /** A call rang: warm the connection if it may have gone cold. */
  ring(): void;
  stop(): void;
}

function warm(url: string): void {
  const frame = document.createElement('iframe');
  // allow-same-origin keeps the history site's origin, so the frame is in the history frame's partition.
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.referrerPolicy = 'no-referrer';
  // Low priority: once the connection is up, the history page (a frame's navigation, the highest
  // priority) is sent on it first, even if it was asked for after this one.
  frame.setAttribute('fetchpriority', 'low');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  const done = () => frame.remove();
  frame.addEventListener('load', done, { once: true });
  setTimeout(done, GIVE_UP_MS);
  frame.src = url;
  document.body.append(frame);
  performance.mark('uhw:history-warmup', { detail: { url } });
}

export function historyWarmer({ mode, url, intervalMs }: WidgetConfig['historyWarmup']): HistoryWarmer {
  const schedule = warmupSchedule(mode, intervalMs, Date.now());
  // Every history page that loads uses the connection: no warm-up is due for an interval after it.
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName('uhw:history-loaded')) {
      schedule.used(performance.timeOrigin + entry.startTime);
    }
  });
  observer.observe({ type: 'mark' });
  const ticker =
    mode === 'idle' ? setInterval(() => schedule.onTick(Date.now()) && warm(url), intervalMs / 2) : undefined;
  return {
    ring: () => {
      if (schedule.onRing(Date.now())) warm(url);
    },
    stop: () => {
      observer.disconnect();
      clearInterval(ticker);
    },
  };
}
