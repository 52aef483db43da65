// Matches createInteractionResponse notifications to FindPhoneCall acknowledgements by referenceId.
// The two race on different connections, so a notification may come first: it is buffered (bounded,
// expiring) until its acknowledgement arrives. Duplicates and never-claimed ids are dropped.
import type { CreateInteractionResponse } from '../../../../shared/gws-messages';

export class CorrelationTimeoutError extends Error {
  override name = 'CorrelationTimeoutError';
}

export interface CorrelatorOptions {
  /** How long an early (or unknown) notification is kept waiting for its acknowledgement. */
  bufferTtlMs?: number;
  /** At most this many early notifications are kept; the oldest goes first. */
  maxBuffered?: number;
  /** How many settled referenceIds are remembered to recognise duplicates. */
  rememberSettled?: number;
  now?: () => number;
}

type Outcome = 'matched' | 'buffered' | 'duplicate';

interface Waiter {
  resolve(message: CreateInteractionResponse): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class Correlator {
  private readonly waiters = new Map<string, Waiter>();
  private readonly early = new Map<string, { message: CreateInteractionResponse; at: number }>();
  private readonly settled = new Set<string>();
  private readonly bufferTtlMs: number;
  private readonly maxBuffered: number;
  private readonly rememberSettled: number;
  private readonly now: () => number;

  constructor(options: CorrelatorOptions = {}) {
    this.bufferTtlMs = options.bufferTtlMs ?? 30_000;
    this.maxBuffered = options.maxBuffered ?? 200;
    this.rememberSettled = options.rememberSettled ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** A notification arrived. */
  accept(message: CreateInteractionResponse): Outcome {
    const key = String(message.referenceId);
    if (this.settled.has(key) || this.early.has(key)) return 'duplicate';
    const waiter = this.waiters.get(key);
    if (waiter) {
      this.settle(key, waiter);
      waiter.resolve(message);
      return 'matched';
    }
    this.prune();
    if (this.early.size >= this.maxBuffered) {
      const oldest = this.early.keys().next().value;
      if (oldest !== undefined) this.early.delete(oldest);
    }
    this.early.set(key, { message, at: this.now() });
    return 'buffered';
  }

  /** The acknowledgement arrived: resolves with the notification, now or when it comes, or times out. */
  wait(referenceId: string | number, timeoutMs: number): Promise<CreateInteractionResponse> {
    const key = String(referenceId);
    this.prune();
    const buffered = this.early.get(key);
    if (buffered) {
      this.early.delete(key);
      this.remember(key);
      return Promise.resolve(buffered.message);
    }
    if (this.settled.has(key) || this.waiters.has(key)) {
      return Promise.reject(new Error(`referenceId ${key} is already in use`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        this.remember(key);
        reject(new CorrelationTimeoutError(`no createInteractionResponse for referenceId ${key}`));
      }, timeoutMs);
      this.waiters.set(key, { resolve, reject, timer });
    });
  }

  /** Pending waits and buffered notifications, for tests and the memory benchmark. */
  get size(): { waiting: number; buffered: number; settled: number } {
    return { waiting: this.waiters.size, buffered: this.early.size, settled: this.settled.size };
  }

  dispose(): void {
    for (const [key, waiter] of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`correlation of ${key} cancelled`));
    }
    this.waiters.clear();
    this.early.clear();
  }

  private settle(key: string, waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(key);
    this.remember(key);
  }

  private remember(key: string): void {
    this.settled.add(key);
    if (this.settled.size > this.rememberSettled) {
      const oldest = this.settled.values().next().value;
      if (oldest !== undefined) this.settled.delete(oldest);
    }
  }

  private prune(): void {
    const cutoff = this.now() - this.bufferTtlMs;
    for (const [key, entry] of this.early) {
      if (entry.at >= cutoff) break;
      this.early.delete(key);
    }
  }
}
