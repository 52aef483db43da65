// Proxy overhead: the lookup route at a fixed request rate vs the simulator's Uniphore endpoint
// directly, same client, same rate; plus the cache-hit path and request coalescing.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { buildApp } from '../src/proxy/app';
import { loadConfig } from '../src/proxy/config';
import { simulatorEnv } from '../src/simulator';
import type { LoadResult } from './fixed-rate';
import { type SimulatorProcess, startSimulatorProcess } from './simulator-process';
import { medianBy } from './stats';

const execFileAsync = promisify(execFile);

/** The load runs in a child process: a client sharing the server's event loop would skew its p99. */
export async function runLoad(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/load-generator.ts',
      url,
      String(rate),
      String(seconds),
      JSON.stringify(headers),
    ],
    { cwd: process.cwd() },
  );
  return JSON.parse(stdout) as LoadResult;
}

export async function withProxy<T>(
  env: Record<string, string>,
  fn: (proxyUrl: string, sim: SimulatorProcess) => Promise<T>,
): Promise<T> {
  // The upstream runs in its own process: in ours it would share the proxy's event loop and core.
  const sim = await startSimulatorProcess();
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
    await runLoad(direct, headers, rate, 1);
    await runLoad(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, 1);
    // Interleaved rounds, median by p99: one noisy neighbour on a shared two-core machine moved a
    // single run's p99 from 10 to 27 ms.
    const upstreamRuns: LoadResult[] = [];
    const proxyRuns: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      upstreamRuns.push(await runLoad(direct, headers, rate, seconds));
      proxyRuns.push(await runLoad(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, seconds));
    }
    return { upstream: medianByP99(upstreamRuns), viaProxy: medianByP99(proxyRuns) };
  });
}

const ROUNDS = 3;
const medianByP99 = (runs: LoadResult[]): LoadResult => medianBy(runs, (run) => run.p99);

export async function cacheHit(rate: number, seconds: number) {
  return withProxy({ LOOKUP_CACHE_TTL_MS: '30000' }, async (proxy) => {
    await runLoad(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, 1);
    const runs: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      runs.push(await runLoad(`${proxy}/api/uniphore/unique-id/dtmf/4567`, {}, rate, seconds));
    }
    return medianByP99(runs);
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
    const before = (await sim.stats()).uniphoreReceived;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${proxy}/api/uniphore/unique-id/dtmf/4567`).then((r) => r.status),
      ),
    );
    if (answers.some((status) => status !== 200))
      throw new Error(`coalescing: not all 200: ${answers.join(',')}`);
    return (await sim.stats()).uniphoreReceived - before;
  });
}
