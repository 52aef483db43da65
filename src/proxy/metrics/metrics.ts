// Every Prometheus metric the proxy keeps, on one registry per app (tests get a fresh one each).
// The object is handed to whatever counts (lookup service, authenticator, Uniphore client, routes)
// rather than imported as a global. Labels only ever take values from fixed sets: never a caller's
// value, an id or a user name, so the number of series stays bounded whatever the callers send.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Attribute, ProblemCode } from '../../shared/lookup-api';
import type { PopReport } from '../../shared/pop-report';
import type { UniphoreTransport } from '../config';
import type { OutcomeKind } from '../uniphore/client';

export const METRIC_PREFIX = 'uhw_';

/** Call sources the widget reports pops from (src/widget/app/call-sources.ts); anything else is `other`. */
export const POP_SOURCES = ['gws', 'host-page', 'deep-link', 'wwe'] as const;

/** How the lookup route answered: `found`, or the problem code (`invalid_*` for refused input). */
export type LookupAnswer = 'found' | ProblemCode;
/** Where a lookup's answer came from: the cache, an identical lookup in flight, or Uniphore. */
export type CacheResult = 'hit' | 'coalesced' | 'miss';
export type SessionVerdict = 'valid' | 'invalid' | 'error';
/** A JWT check's outcome: `valid`, the check that failed, or `keys_unavailable` (the issuer's outage). */
export type JwtOutcome =
  | 'valid'
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'claims'
  | 'algorithm'
  | 'signature'
  | 'unknown_key'
  | 'keys_unavailable';

/** Upstream latency: ~10 ms for a healthy Uniphore, up to UNIPHORE_TIMEOUT_MS (at most 60 s). */
const UPSTREAM_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Time to pop as agents see it: 50 ms (all cached) to 30 s (a UCS timeout and a slow Uniphore). */
export const TIME_TO_POP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 30];

export interface MetricsOptions {
  /** Default: a new registry. */
  registry?: Registry;
  /** Node's process metrics (CPU, memory, event loop, GC): only where something will scrape them. */
  defaultMetrics?: boolean;
}

export class Metrics {
  readonly registry: Registry;

  readonly #lookups: Counter<'attribute' | 'transport' | 'outcome'>;
  readonly #lookupCache: Counter<'result'>;
  readonly #upstreamRequests: Counter<'transport' | 'outcome'>;
  readonly #upstreamDuration: Histogram<'transport'>;
  readonly #sessionChecks: Counter<'verdict'>;
  readonly #sessionCache: Counter<'result'>;
  readonly #jwtVerifications: Counter<'outcome'>;
  readonly #rateLimited: Counter<'route'>;
  readonly #popReports: Counter<'outcome' | 'source'>;
  readonly #timeToPop: Histogram<'outcome'>;
  #readiness: (() => Promise<boolean>) | undefined;
  /** Open team-feed streams (GET /api/pops/stream): inc() when one opens, dec() when it closes. */
  readonly sseSubscribers: Pick<Gauge, 'inc' | 'dec'>;

  constructor(options: MetricsOptions = {}) {
    const registry = options.registry ?? new Registry();
    this.registry = registry;
    const registers = [registry];
    const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

    this.#lookups = new Counter({
      name: name('lookups_total'),
      help: 'Lookups answered by the lookup route, by attribute, transport and outcome (found or the problem code)',
      labelNames: ['attribute', 'transport', 'outcome'],
      registers,
    });
    this.#lookupCache = new Counter({
      name: name('lookup_cache_requests_total'),
      help: 'Valid lookups by where the answer came from: hit (cache), coalesced (joined one in flight), miss (asked Uniphore)',
      labelNames: ['result'],
      registers,
    });
    this.#upstreamRequests = new Counter({
      name: name('uniphore_requests_total'),
      help: 'Requests to Uniphore by transport and outcome',
      labelNames: ['transport', 'outcome'],
      registers,
    });
    this.#upstreamDuration = new Histogram({
      name: name('uniphore_request_duration_seconds'),
      help: 'Time from sending a request to Uniphore to its answer read (or the failure), by transport',
      labelNames: ['transport'],
      buckets: UPSTREAM_BUCKETS,
      registers,
    });
    this.#sessionChecks = new Counter({
      name: name('gws_session_checks_total'),
      help: 'GWS session checks sent to GWS (GET /api/v2/me) by verdict: valid, invalid, error (GWS could not say)',
      labelNames: ['verdict'],
      registers,
    });
    this.#sessionCache = new Counter({
      name: name('gws_session_cache_requests_total'),
      help: 'Callers authenticated by GWS session, by where the verdict came from: hit, coalesced, miss (asked GWS)',
      labelNames: ['result'],
      registers,
    });
    this.#jwtVerifications = new Counter({
      name: name('jwt_verifications_total'),
      help: 'JWTs checked (PROXY_AUTH=jwt) by outcome: valid, the failed check, or keys_unavailable',
      labelNames: ['outcome'],
      registers,
    });
    this.#rateLimited = new Counter({
      name: name('rate_limited_total'),
      help: 'Requests refused with 429 by the per-client rate limit, by route',
      labelNames: ['route'],
      registers,
    });
    this.#popReports = new Counter({
      name: name('pop_reports_total'),
      help: 'Settled pops reported by widgets (POST /api/pops) by outcome and call source',
      labelNames: ['outcome', 'source'],
      registers,
    });
    this.#timeToPop = new Histogram({
      name: name('time_to_pop_seconds'),
      help: "Call received to outcome known, as the agent's widget measured it, by outcome",
      labelNames: ['outcome'],
      buckets: TIME_TO_POP_BUCKETS,
      registers,
    });
    this.sseSubscribers = new Gauge({
      name: name('feed_sse_subscribers'),
      help: 'Open team-feed streams (GET /api/pops/stream)',
      registers,
    });
    const metrics = this;
    new Gauge({
      name: name('ready'),
      help: '1 when the proxy is ready (GET /readyz answers 200: Uniphore reachable), else 0',
      registers,
      async collect() {
        if (metrics.#readiness) this.set((await metrics.#readiness()) ? 1 : 0);
      },
    });
    if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  }

  /** The readiness check /readyz answers with, read again at each scrape (it caches its answers). */
  observeReadiness(ready: () => Promise<boolean>): void {
    this.#readiness = ready;
  }

  lookupAnswered(attribute: Attribute | 'none', transport: UniphoreTransport, outcome: LookupAnswer): void {
    this.#lookups.inc({ attribute, transport, outcome });
  }

  lookupCache(result: CacheResult): void {
    this.#lookupCache.inc({ result });
  }

  upstreamRequest(transport: UniphoreTransport, outcome: OutcomeKind, seconds: number): void {
    this.#upstreamRequests.inc({ transport, outcome });
    this.#upstreamDuration.observe({ transport }, seconds);
  }

  sessionChecked(verdict: SessionVerdict): void {
    this.#sessionChecks.inc({ verdict });
  }

  sessionCache(result: CacheResult): void {
    this.#sessionCache.inc({ result });
  }

  jwtVerified(outcome: JwtOutcome): void {
    this.#jwtVerifications.inc({ outcome });
  }

  rateLimited(route: 'lookup' | 'pops'): void {
    this.#rateLimited.inc({ route });
  }

  /** One settled pop a widget reported (the POST /api/pops route calls this for each accepted report). */
  popReported(report: Pick<PopReport, 'outcome' | 'source' | 'timings'>): void {
    this.#popReports.inc({ outcome: report.outcome, source: popSource(report.source) });
    this.#timeToPop.observe({ outcome: report.outcome }, report.timings.totalMs / 1000);
  }
}

/** The report's source, when it is one the widget has; a made-up one must not become a new series. */
export function popSource(source: string | undefined): string {
  if (source === undefined) return 'unknown';
  return (POP_SOURCES as readonly string[]).includes(source) ? source : 'other';
}
