// Pops travel between the tabs of one browser over a BroadcastChannel: the supervisor's tab lists
// what the agent views beside it popped. Same-origin only, by the browser's own rule.
import { addFeedEntry } from './feed-store';
import { isPopSummary, type PopSummary } from './pop-summary';

const CHANNEL = 'uhw-pops';

export function publishPopSummary(summary: PopSummary): void {
  addFeedEntry(summary);
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(summary);
  channel.close();
}

/** Listens for other tabs' pops; returns the function that stops listening. */
export function subscribePopSummaries(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (isPopSummary(event.data)) addFeedEntry(event.data);
    else console.warn('[uhw] feed message ignored: not a pop summary');
  };
  return () => channel.close();
}
