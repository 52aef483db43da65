// Open-loop load at a fixed request rate over keep-alive connections; latency per request.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from './stats';

export interface LoadResult {
  rate: number;
  sent: number;
  ok: number;
  p50: number;
  p99: number;
  throughput: number;
  /**
   * The load generator's own event-loop delay, p99 (ms): a response that arrives while it is busy
   * waits that long before its time is taken, so it bounds how finely this client can see a p99.
   */
  clientLoopDelayP99: number;
  /** The load generator's CPU per request (µs). */
  clientCpuMicroseconds: number;
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
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpu = process.cpuUsage();
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
  loopDelay.disable();
  const { user, system } = process.cpuUsage(cpu);
  agent.destroy();
  return {
    rate,
    sent,
    ok,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: ok / elapsed,
    clientLoopDelayP99: loopDelay.percentile(99) / 1e6,
    clientCpuMicroseconds: (user + system) / sent,
  };
}
