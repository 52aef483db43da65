// Team-feed names with no schema-library dependency (safe for the browser bundle).
export const POPS_PATH = '/api/pops';
export const POPS_STREAM_PATH = '/api/pops/stream';
/** SSE event names of the stream. */
export const FEED_EVENTS = { pop: 'pop', status: 'status' } as const;
