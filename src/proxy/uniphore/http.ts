// The I/O half shared by both transports: one bounded request with a hard deadline. The deadline
// aborts the upstream request itself (not just our wait), so a slow Uniphore never piles up sockets.
// Two ways to make it: `fetch` (tests inject one; also the GWS session checks and framing checks),
// and undici's own request API on a pool of kept-alive connections (uniphore-pool.ts), which the
// lookups use: WHATWG fetch builds Request, Response, Headers, streams and signals per call.
import type { FetchLike, LookupOutcome } from './client';

/** Uniphore answers are an id or a small envelope; anything bigger is not an answer we understand. */
export const MAX_UPSTREAM_BODY_BYTES = 64 * 1024;

/** The response headers the mappings read: fetch's `Headers`, or a view of a plain header object. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface RawResponse {
  status: number;
  headers: HeaderReader;
  body: string;
  /** The body exceeded MAX_UPSTREAM_BODY_BYTES and was cut off. */
  truncated: boolean;
}

export type Transfer =
  | { ok: true; response: RawResponse }
  | { ok: false; outcome: Extract<LookupOutcome, { kind: 'unreachable' | 'timeout' }> };

class UpstreamTimeout extends Error {
  constructor() {
    super('upstream timeout');
    this.name = 'UpstreamTimeout';
  }
}

/** A short machine code for logs: never the message, which names the upstream host. */
export function networkErrorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : 'unknown';
}

async function readBounded(response: Response): Promise<{ body: string; truncated: boolean }> {
  if (!response.body) return { body: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
  }
  return { body: new TextDecoder().decode(Buffer.concat(chunks)), truncated };
}

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** One request to Uniphore, bounded in size and time; never throws. The seam the clients use. */
export type UpstreamHttp = (url: string, request: UpstreamRequest, timeoutMs: number) => Promise<Transfer>;

/** Uniphore reached through a `fetch` (tests, or anything that must look like one). */
export const fetchHttp =
  (fetchFn: FetchLike): UpstreamHttp =>
  (url, request, timeoutMs) =>
    transfer(fetchFn, url, request, timeoutMs);

export async function transfer(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Transfer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new UpstreamTimeout());
  }, timeoutMs);
  try {
    // `manual`: a redirect would otherwise carry the Application-Key to wherever it points.
    const response = await fetchFn(url, { ...init, redirect: 'manual', signal: controller.signal });
    const { body, truncated } = await readBounded(response);
    return { ok: true, response: { status: response.status, headers: response.headers, body, truncated } };
  } catch (error) {
    if (timedOut) return { ok: false, outcome: { kind: 'timeout' } };
    return { ok: false, outcome: { kind: 'unreachable', detail: networkErrorCode(error) } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Upstream text (a reason header, a fault code) ends up in our logs. A server that echoes the
 * credentials it rejected must not make us log the key, so it is cut out wherever it appears.
 */
export function withoutSecret(outcome: LookupOutcome, secret: string): LookupOutcome {
  if (secret === '') return outcome;
  const scrub = (text: string | undefined) => text?.replaceAll(secret, '[redacted]');
  switch (outcome.kind) {
    case 'unauthorized':
      return { ...outcome, reason: scrub(outcome.reason), faultCode: scrub(outcome.faultCode) };
    case 'upstream_error':
    case 'bad_response':
    case 'unreachable':
      return { ...outcome, detail: scrub(outcome.detail) ?? '' };
    default:
      return outcome;
  }
}

/** Header values from upstream end up in our logs: keep them short and single-line. */
export function sanitizeForLog(value: string | null | undefined, max = 200): string | undefined {
  if (value === null || value === undefined) return undefined;
  const cleaned = value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}
