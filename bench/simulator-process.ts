// The simulator in a process of its own (src/simulator/cli.ts), so that a server under measurement
// does not share its event loop, garbage collector and core with the upstream it is measured against.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SIMULATOR_CREDENTIALS, type Simulator } from '../src/simulator';

export type SimulatorProcess = Pick<
  Simulator,
  'gwsUrl' | 'uniphoreUrl' | 'historyUrlTemplate' | 'credentials' | 'close'
> & {
  /** GET /sim/stats: what the simulator saw. */
  stats(): Promise<ReturnType<Simulator['stats']>>;
  pid: number;
};

/** `env`: extra settings for the simulator (SIMULATOR_GWS_RTT_MS, …). */
export async function startSimulatorProcess(env: Record<string, string> = {}): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout });
  const found: Record<string, string> = {};
  for await (const line of lines) {
    const gws = /^GWS simulator:\s+(\S+)/.exec(line);
    const uniphore = /^Uniphore simulator:\s+(\S+) \(history at (\S+)\)/.exec(line);
    if (gws?.[1]) found.gws = gws[1];
    if (uniphore?.[1] && uniphore[2]) {
      found.uniphore = uniphore[1];
      found.history = uniphore[2];
    }
    if (found.gws && found.uniphore) break;
  }
  if (!found.gws || !found.uniphore || !found.history) throw new Error('simulator process did not start');
  // Keep reading what it prints, or a full pipe would stall the simulator mid-benchmark.
  child.stdout.resume();
  const gwsUrl = found.gws;
  return {
    gwsUrl,
    uniphoreUrl: found.uniphore,
    historyUrlTemplate: found.history,
    credentials: SIMULATOR_CREDENTIALS,
    pid: child.pid ?? 0,
    stats: async () => (await fetch(`${gwsUrl}/sim/stats`)).json(),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
