import { type MessageId, t } from '../../../i18n/i18n';
import { type FeedState, useFeedStore } from '../model/feed-store';

const STATES: Record<Exclude<FeedState, 'unavailable'>, MessageId> = {
  connecting: 'feed.state.connecting',
  live: 'feed.state.live',
  degraded: 'feed.state.degraded',
  reconnecting: 'feed.state.reconnecting',
};

/** Whether the feed (and so every figure on the dashboard) is live, degraded or unavailable. */
export function FeedStateBadge() {
  const state = useFeedStore((s) => s.state);
  const reason = useFeedStore((s) => s.reason);
  return (
    <output className="feed__state" data-state={state} aria-live="polite">
      {state === 'unavailable' ? t('feed.unavailable', { reason: reason ?? 'error' }) : t(STATES[state])}
    </output>
  );
}
