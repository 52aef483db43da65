// Scale of the GWS passthrough: every agent's CometD long-poll is held open through the proxy. N
// clients (plain-HTTP Bayeux, a GWS session each, spread over load processes) hold /meta/connect
// through ONE proxy process against the simulator's CometD server, then the same clients straight
// against the simulator (the floor). Per N:
// - the proxy's RSS with N polls held, against the same process idle (a fresh proxy per N);
// - the delay of an event, publish → arrival at the client: one event per client, each published to
//   its own GWS session at a random moment of a window (N per window), and one broadcast to all N;
// - the proxy's CPU and event-loop lag (its own /metrics) while it carries them.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { simulatorEnv } from '../src/simulator';
import type { Command, Report } from './bayeux-clients';
import { EVENT_CHANNEL } from './bayeux-clients';
import { foreignCpu, processCpuMicroseconds } from './foreign-cpu';
import { type ProxyProcess, startProxyProcess } from './proxy-process';
import { startSimulatorProcess } from './simulator-process';
import { percentile } from './stats';

const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef0123';

export interface Delays {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  missing: number;
  errors: number;
}

export interface LongPollRound {
  polls: number;
  via: 'proxy' | 'direct';
  /** Clients that failed to open (handshake, subscription). */
  failed: number;
  openSeconds: number;
  spread: Delays;
  broadcast: Delays;
  /** Share of one core each took while the spread events ran (the machine has os.cpus() of them). */
  cpu: { proxy: number; simulator: number; clients: number; others: number };
  proxy?: {
    rssIdleMiB: number;
    rssHeldMiB: number;
    /** (RSS held − RSS idle) / N. */
    kibPerPoll: number;
    /** Proxy CPU per event carried (spread + broadcast), µs. */
    cpuPerEventMicroseconds: number;
    /** prom-client's nodejs_eventloop_lag_p99_seconds over the events, ms. */
    eventLoopLagP99Ms: number;
    /** Garbage collections over the events, by kind. */
    gc: ProxyGauges['gc'];
  };
}

class LoadProcess {
  readonly #child: ChildProcess;
  readonly #replies: ((report: Report) => void)[] = [];
  readonly pid: number;

  constructor() {
    this.#child = fork('bench/bayeux-clients.ts', [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    this.#child.on('message', (report: Report) => this.#replies.shift()?.(report));
    this.pid = this.#child.pid ?? 0;
  }

  ask<T extends Report['type']>(command: Command): Promise<Extract<Report, { type: T }>> {
    return new Promise((resolve) => {
      this.#replies.push((report) => resolve(report as Extract<Report, { type: T }>));
      this.#child.send(command);
    });
  }

  async stop(): Promise<void> {
    this.#child.kill();
    if (this.#child.exitCode === null) await once(this.#child, 'exit');
  }
}

function delays(values: number[], missing: number, errors: number): Delays {
  return {
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.reduce((max, value) => Math.max(max, value), 0),
    samples: values.length,
    missing,
    errors,
  };
}

interface ProxyGauges {
  /** nodejs_eventloop_lag_p99_seconds since the previous scrape (prom-client resets it), ms. */
  lagP99Ms: number;
  /** nodejs_gc_duration_seconds by kind (major, minor, incremental, weakcb): count and total, ms. */
  gc: Record<string, { count: number; ms: number }>;
}

/** What an operator's Prometheus would read from the proxy. */
async function scrape(proxy: ProxyProcess): Promise<ProxyGauges> {
  const text = await (
    await fetch(`${proxy.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const gc: ProxyGauges['gc'] = {};
  for (const [, part, kind, value] of text.matchAll(
    /^nodejs_gc_duration_seconds_(count|sum)\{kind="(\w+)"\} (\S+)/gm,
  )) {
    const entry = gc[kind ?? ''] ?? { count: 0, ms: 0 };
    gc[kind ?? ''] = entry;
    if (part === 'count') entry.count = Number(value);
    else entry.ms = Number(value) * 1000;
  }
  const lag = /^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(text)?.[1];
  return { lagP99Ms: Number(lag ?? Number.NaN) * 1000, gc };
}

function gcDuring(before: ProxyGauges, after: ProxyGauges): ProxyGauges['gc'] {
  return Object.fromEntries(
    Object.entries(after.gc).map(([kind, { count, ms }]) => [
      kind,
      { count: count - (before.gc[kind]?.count ?? 0), ms: ms - (before.gc[kind]?.ms ?? 0) },
    ]),
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time of each party, µs, to tell who ran out of it. */
async function cpuOf(loads: LoadProcess[], simPid: number, proxy: ProxyProcess | undefined) {
  const clients = await Promise.all(loads.map((load) => processCpuMicroseconds(load.pid)));
  return {
    proxy: proxy ? await proxy.cpuMicroseconds() : 0,
    simulator: await processCpuMicroseconds(simPid),
    clients: clients.reduce((sum, value) => sum + value, 0),
  };
}

async function round(
  loads: LoadProcess[],
  simPid: number,
  simUrl: string,
  base: string,
  polls: number,
  windowMs: number,
  proxy: ProxyProcess | undefined,
): Promise<Omit<LongPollRound, 'via'>> {
  const rssIdle = proxy ? await proxy.rss() : 0;
  const share = (index: number) => Math.floor(polls / loads.length) + (index < polls % loads.length ? 1 : 0);
  const opened = await Promise.all(
    loads.map((load, index) => load.ask<'opened'>({ type: 'open', base, count: share(index) })),
  );
  // Every poll is held by now (each client's first long /meta/connect left after its subscription).
  await wait(2_000);
  const rssHeld = proxy ? await proxy.rss() : 0;
  const gaugesBefore = proxy ? await scrape(proxy) : undefined;
  const cpuBefore = proxy ? await proxy.cpuMicroseconds() : 0;

  const partsBefore = await cpuOf(loads, simPid, proxy);
  const startedAt = performance.now();
  const others = await foreignCpu();
  const spread = await Promise.all(
    loads.map((load) => load.ask<'spread'>({ type: 'spread', simUrl, windowMs })),
  );
  const foreign = await others();
  const partsAfter = await cpuOf(loads, simPid, proxy);
  const core = (used: number) => used / ((performance.now() - startedAt) * 1000);
  const id = `b${Date.now()}`;
  const published = await fetch(`${simUrl}/sim/cometd/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: EVENT_CHANNEL, data: { id } }),
  });
  const t0 = Number(published.headers.get('x-sim-published-at'));
  await published.arrayBuffer();
  const collected = await Promise.all(
    loads.map((load) => load.ask<'collected'>({ type: 'collect', id, waitMs: 30_000 })),
  );
  const cpu = proxy ? (await proxy.cpuMicroseconds()) - cpuBefore : 0;
  const gaugesAfter = proxy ? await scrape(proxy) : undefined;
  await Promise.all(loads.map((load) => load.ask<'closed'>({ type: 'close' })));

  const failed = opened.reduce((sum, o) => sum + o.failed, 0);
  const spreadDelays = spread.flatMap((s) => s.delays);
  const result: Omit<LongPollRound, 'via'> = {
    polls,
    failed,
    openSeconds: Math.max(...opened.map((o) => o.seconds)),
    spread: delays(
      spreadDelays,
      spread.reduce((sum, s) => sum + s.missing, 0),
      spread.reduce((sum, s) => sum + s.errors, 0),
    ),
    broadcast: delays(
      collected.flatMap((c) => c.arrivals.map((at) => at - t0)),
      collected.reduce((sum, c) => sum + c.missing, 0),
      0,
    ),
    cpu: {
      proxy: core(partsAfter.proxy - partsBefore.proxy),
      simulator: core(partsAfter.simulator - partsBefore.simulator),
      clients: core(partsAfter.clients - partsBefore.clients),
      others: foreign.share * os.cpus().length,
    },
  };
  if (proxy) {
    const events = spreadDelays.length + result.broadcast.samples;
    result.proxy = {
      rssIdleMiB: rssIdle / 2 ** 20,
      rssHeldMiB: rssHeld / 2 ** 20,
      kibPerPoll: (rssHeld - rssIdle) / 1024 / (polls - failed),
      cpuPerEventMicroseconds: events > 0 ? cpu / events : Number.NaN,
      eventLoopLagP99Ms: gaugesAfter?.lagP99Ms ?? Number.NaN,
      gc: gaugesBefore && gaugesAfter ? gcDuring(gaugesBefore, gaugesAfter) : {},
    };
  }
  return result;
}

/** `counts`: the numbers of held polls to try, in order. */
export async function longPolls(
  counts: readonly number[],
  options: {
    processes?: number;
    windowMs?: number;
    proxyEnv?: Record<string, string>;
    proxyNodeArgs?: string[];
  } = {},
): Promise<LongPollRound[]> {
  const windowMs = options.windowMs ?? 10_000;
  const sim = await startSimulatorProcess();
  const settings = simulatorEnv(sim);
  const loads = Array.from({ length: options.processes ?? 4 }, () => new LoadProcess());
  const rounds: LongPollRound[] = [];
  try {
    for (const polls of counts) {
      rounds.push({
        via: 'direct',
        ...(await round(loads, sim.pid, sim.gwsUrl, sim.gwsUrl, polls, windowMs, undefined)),
      });
      // A fresh proxy per N: its idle RSS is the baseline of its held RSS.
      const proxy = await startProxyProcess(
        {
          ...settings.gws,
          ...settings.uniphore,
          METRICS_TOKEN,
          ...options.proxyEnv,
        },
        options.proxyNodeArgs,
      );
      try {
        // The routes compiled and the first requests' allocations made before the idle reading.
        for (let i = 0; i < 20; i++) await (await fetch(`${proxy.url}/api/v2/me`)).arrayBuffer();
        await wait(1_000);
        rounds.push({
          via: 'proxy',
          ...(await round(loads, sim.pid, sim.gwsUrl, proxy.url, polls, windowMs, proxy)),
        });
      } finally {
        await proxy.close();
      }
      // The simulator forgets the closed clients' CometD sessions (maxInterval) before the next N.
      await wait(12_000);
    }
  } finally {
    await Promise.all(loads.map((load) => load.stop()));
    await sim.close();
  }
  return rounds;
}
