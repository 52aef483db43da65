// One simulator for a test file, started before its tests and reset before each of them.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../index';

/** The running simulator, once `beforeAll` has run. */
export function startedSimulator(options: SimulatorOptions = { cometdTimeoutMs: 2_000 }): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(async () => sim?.close());
  beforeEach(async () => {
    await fetch(`${sim!.gwsUrl}/sim/reset`, { method: 'POST' });
  });
  return () => sim!;
}
