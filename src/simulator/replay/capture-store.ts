// The captures uploaded to the simulator (POST /sim/captures), in memory, a few at a time: a replay
// is a test run, not an archive. Each keeps its latest replay.
import { randomBytes } from 'node:crypto';
import type { Capture } from '../../shared/capture';
import type { ReplayRun } from './replay-run';

export interface StoredCapture {
  id: string;
  capture: Capture;
  run?: ReplayRun;
}

const MAX_CAPTURES = 16;

export class CaptureStore {
  private readonly captures = new Map<string, StoredCapture>();

  add(capture: Capture): StoredCapture {
    // The oldest goes first: Maps keep insertion order.
    while (this.captures.size >= MAX_CAPTURES) {
      const [oldest] = this.captures.values();
      if (!oldest) break;
      this.forget(oldest.id);
    }
    const stored = { id: `cap-${randomBytes(6).toString('hex')}`, capture };
    this.captures.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredCapture | undefined {
    return this.captures.get(id);
  }

  /** Starts `run` as this capture's replay, stopping the one before. */
  replace(stored: StoredCapture, run: ReplayRun): void {
    stored.run?.stop();
    stored.run = run;
  }

  private forget(id: string): void {
    this.captures.get(id)?.run?.stop();
    this.captures.delete(id);
  }

  clear(): void {
    for (const id of [...this.captures.keys()]) this.forget(id);
  }
}
