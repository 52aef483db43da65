import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { fetchPing, READINESS_CACHE_MS, UpstreamProbe } from '../routes/health-route';
import type { FetchLike } from '../uniphore/client';
import { testConfig } from './support/env';
import { closedPort, LocalUniphore } from './support/uniphore-upstream';

describe('health', () => {
  it('/healthz answers while the process is up', async () => {
    const app = await buildApp(testConfig(), { logger: false });
    const response = await app.inject({ url: '/healthz' });
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 when Uniphore answers HTTP (any status), without credentials', async () => {
    const uniphore = await new LocalUniphore().start();
    const app = await buildApp(testConfig({ UNIPHORE_URL: uniphore.url }), { logger: false });
    const response = await app.inject({ url: '/readyz' });
    await app.close();
    await uniphore.close();
    expect(response.statusCode).toBe(200);
  });

  it('/readyz is 503 when Uniphore is unreachable, without naming it', async () => {
    const app = await buildApp(testConfig({ UNIPHORE_URL: `http://127.0.0.1:${await closedPort()}` }), {
      logger: false,
    });
    const response = await app.inject({ url: '/readyz' });
    await app.close();
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('127.0.0.1');
  });

  it('caches the probe and sends no Application-Key', async () => {
    const seen: RequestInit[] = [];
    let now = 0;
    const fetchFn: FetchLike = async (_url, init) => {
      seen.push(init);
      return new Response('x', { status: 404 });
    };
    const probe = new UpstreamProbe(fetchPing('http://u', 1000, fetchFn), () => now);
    expect(await probe.ready()).toBe(true);
    expect(await probe.ready()).toBe(true);
    expect(seen).toHaveLength(1);
    now += READINESS_CACHE_MS - 1;
    await probe.ready();
    expect(seen).toHaveLength(1);
    now += 2;
    await probe.ready();
    expect(seen).toHaveLength(2);
    expect(JSON.stringify(seen[0]?.headers ?? {})).not.toMatch(/application-key/i);
  });

  it('probes once for callers that ask while a probe runs, and remembers a failure too', async () => {
    let calls = 0;
    let release!: () => void;
    const fetchFn: FetchLike = async () => {
      calls++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      throw new TypeError('fetch failed');
    };
    const probe = new UpstreamProbe(fetchPing('http://u', 1000, fetchFn), () => 0);
    const answers = Promise.all([probe.ready(), probe.ready(), probe.ready()]);
    await Promise.resolve();
    release();
    expect(await answers).toEqual([false, false, false]);
    expect(await probe.ready()).toBe(false);
    expect(calls).toBe(1);
  });
});
