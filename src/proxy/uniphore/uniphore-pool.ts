// The proxy's connections to Uniphore: one undici pool for its origin, asked through undici's own
// request API. WHATWG fetch cost ~240 µs of CPU per lookup (Request, Response, Headers, web
// streams, an AbortSignal tracked by a FinalizationRegistry) and its garbage made the scavenges that
// set the lookup route's p99; this path allocates a fraction of that.
//
// Connections stay open as long as Uniphore says it keeps them (its `Keep-Alive: timeout=` hint, up
// to KEEP_ALIVE_MAX_MS); TLS sessions are resumed (undici caches them per pool). With
// UNIPHORE_KEEP_WARM_MS, a few connections are opened at start-up and kept warm with a cheap request
// (the readiness probe's: GET of the base URL, no credentials), so that the first lookup after a
// quiet night does not pay a TCP and TLS handshake: two round trips to Uniphore.
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { type Dispatcher, Pool } from 'undici';
import { type HeaderReader, MAX_UPSTREAM_BODY_BYTES, networkErrorCode, type UpstreamHttp } from './http';

/** The longest a connection is kept idle, whatever Uniphore's hint says (undici's default too). */
export const KEEP_ALIVE_MAX_MS = 600_000;
/** Without a hint, undici keeps an idle connection this long; kept-warm ones must outlive a ping interval. */
const KEEP_ALIVE_DEFAULT_MS = 4_000;

export interface UniphorePoolOptions {
  /** Uniphore base URL; lookups must lie under its origin. */
  url: string;
  timeoutMs: number;
  /** Interval of the keep-warm requests; 0: none, connections come and go with the lookups. */
  keepWarmMs: number;
  /** How many connections the keep-warm requests hold open (lookups of one pop run in parallel). */
  keepWarmConnections: number;
  /** A certificate to trust besides the system's (tests; production uses NODE_EXTRA_CA_CERTS). */
  ca?: string;
}

const decoder = new TextDecoder();

function decode(chunks: Buffer[]): string {
  return decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

/** The body as text, cut off (and its connection dropped) past MAX_UPSTREAM_BODY_BYTES. */
function readBounded(body: Readable): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPSTREAM_BODY_BYTES) {
        body.destroy();
        resolve({ body: decode(chunks), truncated: true });
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve({ body: decode(chunks), truncated: false }));
    body.once('error', reject);
  });
}

function headerReader(headers: Dispatcher.ResponseData['headers']): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

export class UniphorePool {
  readonly #pool: Pool;
  readonly #origin: string;
  readonly #pingPath: string;
  readonly #timeoutMs: number;
  #keepWarm: NodeJS.Timeout | undefined;

  constructor(options: UniphorePoolOptions) {
    const base = new URL(options.url);
    this.#origin = base.origin;
    this.#pingPath = `${base.pathname}${base.search}`;
    this.#timeoutMs = options.timeoutMs;
    const warm = options.keepWarmMs > 0 && options.keepWarmConnections > 0;
    this.#pool = new Pool(this.#origin, {
      // Honoured up to this long when Uniphore hints how long it keeps idle connections.
      keepAliveMaxTimeout: KEEP_ALIVE_MAX_MS,
      // No hint: undici's 4 s, or long enough for the next keep-warm request to find the connection.
      keepAliveTimeout: warm
        ? Math.max(KEEP_ALIVE_DEFAULT_MS, options.keepWarmMs + 5_000)
        : KEEP_ALIVE_DEFAULT_MS,
      // One request per connection at a time: a slow answer must not hold up the lookups behind it.
      pipelining: 1,
      ...(options.ca ? { connect: { ca: options.ca } } : {}),
    });
    if (warm) {
      const keepWarm = () =>
        void Promise.all(Array.from({ length: options.keepWarmConnections }, () => this.ping()));
      keepWarm();
      this.#keepWarm = setInterval(keepWarm, options.keepWarmMs).unref();
    }
  }

  /** A request to Uniphore (`url` under its origin) with a hard deadline that aborts it. */
  readonly http: UpstreamHttp = async (url, request, timeoutMs) => {
    if (!url.startsWith(`${this.#origin}/`)) throw new Error('upstream URL outside the Uniphore origin');
    // undici takes an emitter as the abort signal: lighter than an AbortController per request.
    const deadline = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.emit('abort');
    }, timeoutMs);
    try {
      const response = await this.#pool.request({
        path: url.slice(this.#origin.length),
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: deadline,
      });
      const { body, truncated } = await readBounded(response.body);
      return {
        ok: true,
        response: { status: response.statusCode, headers: headerReader(response.headers), body, truncated },
      };
    } catch (error) {
      if (timedOut) return { ok: false, outcome: { kind: 'timeout' } };
      return { ok: false, outcome: { kind: 'unreachable', detail: networkErrorCode(error) } };
    } finally {
      clearTimeout(timer);
    }
  };

  /**
   * Does Uniphore answer HTTP at all (any status)? No credentials are sent. The body is read, so
   * the connection stays open for the next lookup: this is also the keep-warm request.
   */
  async ping(): Promise<boolean> {
    const deadline = new EventEmitter();
    const timer = setTimeout(() => deadline.emit('abort'), this.#timeoutMs);
    try {
      const response = await this.#pool.request({ path: this.#pingPath, method: 'GET', signal: deadline });
      // An answer is an answer, even one whose body is cut short.
      await response.body.dump({ limit: MAX_UPSTREAM_BODY_BYTES }).catch(() => undefined);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops every connection at once: requests still running have been answered by then (onClose). */
  async close(): Promise<void> {
    clearInterval(this.#keepWarm);
    await this.#pool.destroy();
  }
}
