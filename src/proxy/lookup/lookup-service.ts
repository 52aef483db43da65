// Agents on one call often ask for the same id at once (several tabs, a retry, a supervisor):
// identical lookups in flight share one upstream request, and found ids are kept briefly.
// Misses and errors are never cached: the id may appear a second later, and errors must heal.
import type { Attribute } from '../../shared/lookup-api';
import type { LookupOutcome, UniphoreClient } from '../uniphore/client';

export interface LookupResult {
  outcome: LookupOutcome;
  /** Answered from the cache of found ids. */
  cached: boolean;
  /** Joined an identical lookup already waiting on Uniphore. */
  coalesced: boolean;
}

export interface LookupServiceOptions {
  /** 0 disables caching. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface CacheEntry {
  uniqueId: string;
  upstreamStatus: number;
  expiresAt: number;
}

export class LookupService {
  readonly #client: UniphoreClient;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #inflight = new Map<string, Promise<LookupOutcome>>();
  readonly #cache = new Map<string, CacheEntry>();

  constructor(client: UniphoreClient, options: LookupServiceOptions) {
    this.#client = client;
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get transport() {
    return this.#client.transport;
  }

  async lookup(attribute: Attribute, value: string): Promise<LookupResult> {
    const key = `${attribute}\u0000${value}`;
    const hit = this.#cached(key);
    if (hit) return { outcome: hit, cached: true, coalesced: false };

    const pending = this.#inflight.get(key);
    if (pending) return { outcome: await pending, cached: false, coalesced: true };

    const request = this.#client
      .lookup(attribute, value)
      .then((outcome) => {
        if (outcome.kind === 'found') this.#remember(key, outcome.uniqueId, outcome.upstreamStatus);
        return outcome;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, request);
    return { outcome: await request, cached: false, coalesced: false };
  }

  #cached(key: string): LookupOutcome | undefined {
    const entry = this.#cache.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#cache.delete(key);
      return undefined;
    }
    return { kind: 'found', uniqueId: entry.uniqueId, upstreamStatus: entry.upstreamStatus };
  }

  #remember(key: string, uniqueId: string, upstreamStatus: number): void {
    if (this.#ttlMs <= 0) return;
    this.#cache.delete(key);
    // Map iteration order is insertion order: the first key is the oldest entry.
    while (this.#cache.size >= this.#maxEntries) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
    this.#cache.set(key, { uniqueId, upstreamStatus, expiresAt: this.#now() + this.#ttlMs });
  }
}
