// The proxy as it runs in production: `node --import tsx src/main.ts` in a process of its own, its
// settings from the environment, its JSON logs (LOG_LEVEL info unless told) on a pipe that this
// process reads and drops, as a container runtime's log driver would.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { processCpuMicroseconds } from './foreign-cpu';

export interface ProxyProcess {
  url: string;
  pid: number;
  /** CPU (user + system) the process has used so far, µs. */
  cpuMicroseconds(): Promise<number>;
  /** Resident set size now, bytes. */
  rss(): Promise<number>;
  close(): Promise<void>;
}

/** `nodeArgs`: flags for node itself (a profiler, …); `cwd`: another checkout of the proxy (an A/B). */
export async function startProxyProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  cwd = process.cwd(),
): Promise<ProxyProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let url: string | undefined;
  for await (const line of lines) {
    url = /Widget ready at (\S+)/.exec(line)?.[1];
    if (url) break;
  }
  if (!url || child.pid === undefined) throw new Error('proxy process did not start');
  // Keep reading (and dropping) its logs, or a full pipe would stall the proxy mid-benchmark.
  lines.close();
  child.stdout.resume();
  const pid = child.pid;
  return {
    url: url.replace(/\/$/, ''),
    pid,
    cpuMicroseconds: () => processCpuMicroseconds(pid),
    async rss() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
