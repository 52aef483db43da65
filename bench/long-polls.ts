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
import { simulatorEnv } from '../src/simulator';
import type { Command, Report } from './bayeux-clients';
import { EVENT_CHANNEL } from './bayeux-clients';
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
  proxy?: {
    rssIdleMiB: number;
    rssHeldMiB: number;
    /** (RSS held − RSS idle) / N. */
    kibPerPoll: number;
    /** Proxy CPU per event carried (spread + broadcast), µs. */
    cpuPerEventMicroseconds: number;
    /** prom-client's nodejs_eventloop_lag_p99_seconds over the events, ms. */
    eventLoopLagP99Ms: number;
  };
}

class LoadProcess {
  readonly #child: ChildProcess;
  readonly #replies: ((report: Report) => void)[] = [];

  constructor() {
    this.#child = fork('bench/bayeux-clients.ts', [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    this.#child.on('message', (report: Report) => this.#replies.shift()?.(report));
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

async function scrapeLagP99(proxy: ProxyProcess): Promise<number> {
  const text = await (
    await fetch(`${proxy.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  return Number(/^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(text)?.[1] ?? Number.NaN) * 1000;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round(
  loads: LoadProcess[],
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
  if (proxy) await scrapeLagP99(proxy);
  const cpuBefore = proxy ? await proxy.cpuMicroseconds() : 0;

  const spread = await Promise.all(
    loads.map((load) => load.ask<'spread'>({ type: 'spread', simUrl, windowMs })),
  );
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
  const lag = proxy ? await scrapeLagP99(proxy) : Number.NaN;
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
  };
  if (proxy) {
    const events = spreadDelays.length + result.broadcast.samples;
    result.proxy = {
      rssIdleMiB: rssIdle / 2 ** 20,
      rssHeldMiB: rssHeld / 2 ** 20,
      kibPerPoll: (rssHeld - rssIdle) / 1024 / (polls - failed),
      cpuPerEventMicroseconds: events > 0 ? cpu / events : Number.NaN,
      eventLoopLagP99Ms: lag,
    };
  }
  return result;
}

/** `counts`: the numbers of held polls to try, in order. */
export async function longPolls(
  counts: readonly number[],
  options: { processes?: number; windowMs?: number } = {},
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
        ...(await round(loads, sim.gwsUrl, sim.gwsUrl, polls, windowMs, undefined)),
      });
      // A fresh proxy per N: its idle RSS is the baseline of its held RSS.
      const proxy = await startProxyProcess({
        ...settings.gws,
        ...settings.uniphore,
        METRICS_TOKEN,
      });
      try {
        // The routes compiled and the first requests' allocations made before the idle reading.
        for (let i = 0; i < 20; i++) await (await fetch(`${proxy.url}/api/v2/me`)).arrayBuffer();
        await wait(1_000);
        rounds.push({ via: 'proxy', ...(await round(loads, sim.gwsUrl, proxy.url, polls, windowMs, proxy)) });
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
