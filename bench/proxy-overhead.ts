// Proxy overhead: the lookup route at a fixed request rate vs the simulator's Uniphore endpoint
// directly, same client, same rate; plus the cache-hit path and request coalescing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/proxy/app';
import { loadConfig } from '../src/proxy/config';
import { type Simulator, simulatorEnv, startSimulator } from '../src/simulator';
import { percentile } from './stats';

export interface LoadResult {
  rate: number;
  sent: number;
  ok: number;
  p50: number;
  p99: number;
  throughput: number;
}

/** Open-loop load: requests start on schedule whether or not earlier ones finished. */
export async function fixedRate(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let ok = 0;
  let sent = 0;
  const total = rate * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - t0);
          if (response.statusCode === 200) ok += 1;
          resolve();
        });
      });
      request.on('error', () => resolve());
    });
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (sent < due) {
      inFlight.push(one());
      sent += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    rate,
    sent,
    ok,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: ok / elapsed,
  };
}

export async function withProxy<T>(
  env: Record<string, string>,
  fn: (proxyUrl: string, sim: Simulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator();
  const settings = simulatorEnv(sim);
  const config = loadConfig({
    PORT: '0',
    ...settings.gws,
    ...settings.uniphore,
    PROXY_AUTH: 'none',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    STATIC_DIR: 'dist',
    ...env,
  });
  const app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  try {
    return await fn(`http://127.0.0.1:${port}`, sim);
  } finally {
    await app.close();
    await sim.close();
  }
}

export async function proxyOverhead(rate: number, seconds: number) {
  return withProxy({ LOOKUP_CACHE_TTL_MS: '0' }, async (proxy, sim) => {
    const { credentials } = sim;
    const direct = `${sim.uniphoreUrl}/interact/agent/version/${credentials.apiVersion}/account/${credentials.accountId}/uniqueId/dtmf/4567`;
    const headers = {
      'Tenant-Id': credentials.tenantId,
      'Application-Key': credentials.applicationKey,
      'Environment-Name': credentials.environmentName,
    };
    // Warm both paths (JIT, keep-alive sockets) before measuring.
    await fixedRate(direct, headers, rate, 1);
    await fixedRate(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, 1);
    const upstream = await fixedRate(direct, headers, rate, seconds);
    const viaProxy = await fixedRate(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, seconds);
    return { upstream, viaProxy };
  });
}

export async function cacheHit(rate: number, seconds: number) {
  return withProxy({ LOOKUP_CACHE_TTL_MS: '30000' }, async (proxy) => {
    await fixedRate(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, 1);
    return fixedRate(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, seconds);
  });
}

/** 100 concurrent identical lookups: how many reach Uniphore (target 1). */
export async function coalescing(): Promise<number> {
  return withProxy({ LOOKUP_CACHE_TTL_MS: '0' }, async (proxy, sim) => {
    await fetch(`${sim.gwsUrl}/sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uniphore: { delayMs: 50 } }),
    });
    const before = sim.stats().uniphoreReceived;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${proxy}/api/uniphore/unique-id/dtmf/4567`).then((r) => r.status),
      ),
    );
    if (answers.some((status) => status !== 200))
      throw new Error(`coalescing: not all 200: ${answers.join(',')}`);
    return sim.stats().uniphoreReceived - before;
  });
}
