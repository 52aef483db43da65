// /healthz: the process is up. /readyz: it can do its job, i.e. Uniphore answers HTTP at all.
// The probe carries no credentials (any status counts) and is cached so a busy orchestrator
// cannot turn health checks into load on Uniphore.
import type { FastifyInstance } from 'fastify';
import type { FetchLike } from '../uniphore/client';

export const READINESS_CACHE_MS = 5000;

export class UpstreamProbe {
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  #last: { ok: boolean; at: number } | undefined;
  #pending: Promise<boolean> | undefined;

  constructor(url: string, timeoutMs: number, fetchFn: FetchLike, now: () => number = Date.now) {
    this.#url = url;
    this.#timeoutMs = timeoutMs;
    this.#fetch = fetchFn;
    this.#now = now;
  }

  async ready(): Promise<boolean> {
    if (this.#last && this.#now() - this.#last.at < READINESS_CACHE_MS) return this.#last.ok;
    this.#pending ??= this.#probe().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #probe(): Promise<boolean> {
    let ok: boolean;
    try {
      const response = await this.#fetch(this.#url, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      ok = true;
    } catch {
      ok = false;
    }
    this.#last = { ok, at: this.#now() };
    return ok;
  }
}

export async function healthRoutes(app: FastifyInstance, options: { probe: UpstreamProbe }): Promise<void> {
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    if (await options.probe.ready()) return reply.send({ status: 'ok' });
    return reply.code(503).send({ status: 'unavailable', reason: 'Uniphore is not reachable' });
  });
}
