// Proxy overhead: the lookup route at a fixed request rate vs the simulator's Uniphore endpoint
// directly, same client, same rate; plus the cache-hit path and request coalescing. The overhead
// figures run the proxy as production does (bench/proxy-process.ts); `withProxy` (the proxy in this
// process) serves the CPU figure, which reads this process's CPU time, and coalescing.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { buildApp } from '../src/proxy/app';
import { loadConfig } from '../src/proxy/config';
import { simulatorEnv } from '../src/simulator';
import type { LoadResult } from './fixed-rate';
import { foreignCpu } from './foreign-cpu';
import { type ProxyProcess, startProxyProcess } from './proxy-process';
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

/**
 * Rounds during which other processes took more than this share of the machine are taken again: on
 * a shared two-core machine one job's burst moves a p99 by tens of milliseconds.
 */
const FOREIGN_CPU_LIMIT = 0.05;
const ROUNDS = 5;
/** Retakes allowed per figure before the disturbed rounds are kept anyway (and reported). */
const RETAKES = 10;

export interface MeasuredRun extends LoadResult {
  /** Share of the machine other processes used meanwhile (0..1). */
  foreignCpu: number;
  /** The proxy's CPU per request, µs (proxy runs only). */
  proxyCpuMicroseconds?: number;
}

const medianByP99 = <T extends LoadResult>(runs: T[]): T => medianBy(runs, (run) => run.p99);

/**
 * One run of the load, taken again (up to the retakes left) while other processes disturb it.
 * `retakes` is shared by the runs of one figure.
 */
async function undisturbedRun(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
  retakes: { left: number; taken: number },
  proxy?: ProxyProcess,
): Promise<MeasuredRun> {
  for (;;) {
    const cpuBefore = await proxy?.cpuMicroseconds();
    const stop = await foreignCpu();
    const load = await runLoad(url, headers, rate, seconds);
    const foreign = await stop();
    const cpu = proxy && cpuBefore !== undefined ? (await proxy.cpuMicroseconds()) - cpuBefore : undefined;
    const run: MeasuredRun = {
      ...load,
      foreignCpu: foreign.share,
      ...(cpu === undefined ? {} : { proxyCpuMicroseconds: cpu / load.sent }),
    };
    if (foreign.share <= FOREIGN_CPU_LIMIT || retakes.left === 0) return run;
    retakes.left -= 1;
    retakes.taken += 1;
  }
}

/** The simulator and the proxy (`src/main.ts`, production logging) in processes of their own. */
async function withProxyProcess<T>(
  env: Record<string, string>,
  fn: (proxy: ProxyProcess, sim: SimulatorProcess) => Promise<T>,
): Promise<T> {
  const sim = await startSimulatorProcess();
  const settings = simulatorEnv(sim);
  const proxy = await startProxyProcess({
    ...settings.gws,
    ...settings.uniphore,
    PROXY_AUTH: 'none',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  try {
    return await fn(proxy, sim);
  } finally {
    await proxy.close();
    await sim.close();
  }
}

const LOOKUP = '/api/uniphore/unique-id/dtmf/4567';

/**
 * The lookup route on the miss path against the simulator's Uniphore endpoint directly: same client
 * (a load process of its own), same rate, interleaved rounds, median by p99. The proxy runs as in
 * production: a process of its own, JSON logs at info on a pipe.
 */
export async function proxyOverhead(rate: number, seconds: number) {
  return withProxyProcess({ LOOKUP_CACHE_TTL_MS: '0' }, async (proxy, sim) => {
    const { credentials } = sim;
    const direct = `${sim.uniphoreUrl}/interact/agent/version/${credentials.apiVersion}/account/${credentials.accountId}/uniqueId/dtmf/4567`;
    const headers = {
      'Tenant-Id': credentials.tenantId,
      'Application-Key': credentials.applicationKey,
      'Environment-Name': credentials.environmentName,
    };
    // Warm both paths (JIT, keep-alive sockets) before measuring.
    await runLoad(direct, headers, rate, 2);
    await runLoad(`${proxy.url}${LOOKUP}`, {}, rate, 3);
    const retakes = { left: RETAKES, taken: 0 };
    const upstreamRuns: MeasuredRun[] = [];
    const proxyRuns: MeasuredRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      upstreamRuns.push(await undisturbedRun(direct, headers, rate, seconds, retakes));
      proxyRuns.push(await undisturbedRun(`${proxy.url}${LOOKUP}`, {}, rate, seconds, retakes, proxy));
    }
    return {
      upstream: medianByP99(upstreamRuns),
      viaProxy: medianByP99(proxyRuns),
      retaken: retakes.taken,
      upstreamRuns,
      proxyRuns,
    };
  });
}

export async function cacheHit(rate: number, seconds: number) {
  return withProxyProcess({ LOOKUP_CACHE_TTL_MS: '3600000' }, async (proxy) => {
    await runLoad(`${proxy.url}${LOOKUP}`, {}, rate, 3);
    const retakes = { left: RETAKES, taken: 0 };
    const runs: MeasuredRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      runs.push(await undisturbedRun(`${proxy.url}${LOOKUP}`, {}, rate, seconds, retakes, proxy));
    }
    return { ...medianByP99(runs), retaken: retakes.taken, runs };
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
