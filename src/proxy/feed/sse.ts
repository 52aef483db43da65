// Server-Sent Events framing (WHATWG HTML, "Server-sent events"): one event is `event:`, `id:` and
// `data:` lines and a blank line; a line starting with `:` is a comment (our keepalive). JSON has no
// raw line breaks, so each payload is one `data:` line.

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: proxies must not compress or rewrite the stream (that buffers it).
  'cache-control': 'no-cache, no-transform',
  // nginx and compatible proxies: pass each event through at once.
  'x-accel-buffering': 'no',
} as const;

/** Ids and event names go on one line each: anything that could end the line is refused. */
const SINGLE_LINE = /^[^\r\n\0]*$/;

export function sseEvent(event: string, id: string, data: unknown): string {
  if (!SINGLE_LINE.test(event) || !SINGLE_LINE.test(id)) throw new Error('SSE event name or id spans lines');
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const sseComment = (text: string) => `: ${text}\n\n`;

/** How long the browser waits before reconnecting after the stream ends. */
export const sseRetry = (ms: number) => `retry: ${ms}\n\n`;
