// How much of the machine's CPU went to processes that are not the benchmark's own during a
// measurement. On a shared two-core machine another job's burst moves a p99 by tens of milliseconds;
// a round taken while something else ran is worth knowing about, and worth taking again.
// Linux only (/proc); elsewhere every reading is 0 and no round counts as disturbed.
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

const TICKS_PER_SECOND = 100;

/** user + nice + system + irq + softirq + steal of all cores, in clock ticks. */
async function machineBusyTicks(): Promise<number> {
  const [cpu] = (await readFile('/proc/stat', 'utf8')).split('\n', 1);
  const [, user, nice, system, , , irq, softirq, steal] = (cpu ?? '').trim().split(/\s+/).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

interface ProcessTicks {
  pid: number;
  ppid: number;
  /** utime + stime. */
  own: number;
  /** cutime + cstime: children it has waited for (a finished load generator). */
  reaped: number;
}

async function processTicks(pid: number): Promise<ProcessTicks | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after its last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(fields[n - 3]);
    return { pid, ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
  } catch {
    return undefined;
  }
}

/** CPU (user + system) a live process has used so far, µs; 0 once it is gone. */
export async function processCpuMicroseconds(pid: number): Promise<number> {
  const ticks = await processTicks(pid);
  return ticks ? (ticks.own * 1_000_000) / TICKS_PER_SECOND : 0;
}

/** This process and every live descendant (simulator, proxy, load generators), plus reaped ones. */
async function ourTicks(): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const all = (await Promise.all(pids.map(processTicks))).filter((p) => p !== undefined);
  const children = new Map<number, ProcessTicks[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = all.find((p) => p.pid === process.pid);
  if (!self) return 0;
  let total = self.reaped;
  const stack = [self];
  for (let p = stack.pop(); p; p = stack.pop()) {
    total += p.own;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}

export interface ForeignCpu {
  /** Share of the whole machine (all cores) used by other processes, 0..1. */
  share: number;
  seconds: number;
}

/** Starts a reading; the function it returns ends it. */
export async function foreignCpu(): Promise<() => Promise<ForeignCpu>> {
  if (process.platform !== 'linux') return async () => ({ share: 0, seconds: 0 });
  const started = performance.now();
  const [busy, ours] = await Promise.all([machineBusyTicks(), ourTicks()]);
  return async () => {
    const [busyAfter, oursAfter] = await Promise.all([machineBusyTicks(), ourTicks()]);
    const seconds = (performance.now() - started) / 1000;
    const foreign = Math.max(0, busyAfter - busy - (oursAfter - ours)) / TICKS_PER_SECOND;
    return { share: foreign / (seconds * os.cpus().length), seconds };
  };
}
