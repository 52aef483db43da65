// /healthz: the process is up. /readyz: it can do its job, i.e. Uniphore answers HTTP at all; it
// also says whether Redis is reachable (`off` without REDIS_URL).
// The probe carries no credentials (any status counts) and is cached so a busy orchestrator
// cannot turn health checks into load on Uniphore.
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { type Clock, cacheClock } from '../clock';
import type { FetchLike } from '../uniphore/client';

export const READINESS_CACHE_MS = 5000;

/** Does Uniphore answer HTTP at all (any status)? Never throws. */
export type UpstreamPing = () => Promise<boolean>;

/** The ping through a `fetch` (tests); production pings through the Uniphore pool (uniphore-pool.ts). */
export function fetchPing(url: string, timeoutMs: number, fetchFn: FetchLike): UpstreamPing {
  return async () => {
    try {
      const response = await fetchFn(url, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  };
}

export class UpstreamProbe {
  /** One entry: the last answer, and while it runs the one probe every caller waits for. */
  readonly #answers: LRUCache<'upstream', boolean>;

  constructor(ping: UpstreamPing, now?: Clock) {
    this.#answers = new LRUCache({
      max: 1,
      ttl: READINESS_CACHE_MS,
      ...cacheClock(now),
      fetchMethod: ping,
    });
  }

  async ready(): Promise<boolean> {
    return this.#answers.forceFetch('upstream');
  }
}

export interface HealthOptions {
  probe: UpstreamProbe;
  /** Redis as this replica sees it; reported, never a reason to take the replica out (it copes without). */
  redis?: () => 'up' | 'down' | 'off';
}

export async function healthRoutes(app: FastifyInstance, options: HealthOptions): Promise<void> {
  const redis = options.redis ?? (() => 'off' as const);
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    if (await options.probe.ready()) return reply.send({ status: 'ok', redis: redis() });
    return reply
      .code(503)
      .send({ status: 'unavailable', reason: 'Uniphore is not reachable', redis: redis() });
  });
}
