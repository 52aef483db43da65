// Agents on one call often ask for the same id at once (several tabs, a retry, a supervisor):
// identical lookups in flight share one upstream request, and found ids are kept briefly.
// Misses and errors are never cached: the id may appear a second later, and errors must heal.
// With Redis (REDIS_URL) the same holds across replicas (../redis/shared-lookups.ts), behind this
// per-process layer.
import { LRUCache } from 'lru-cache';
import type { Attribute } from '../../shared/lookup-api';
import { type Clock, cacheClock } from '../clock';
import type { CacheResult, Metrics } from '../metrics/metrics';
import type { SharedLookups } from '../redis/shared-lookups';
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
  now?: Clock;
  /** Counts where each answer came from (cache, a lookup in flight, Uniphore). */
  metrics?: Pick<Metrics, 'lookupCache'>;
  /** The cache and single-flight shared by the replicas, asked before Uniphore. */
  shared?: SharedLookups;
}

type Found = Extract<LookupOutcome, { kind: 'found' }>;
/** What a lookup asks for, and (set by the fetch) where its answer came from. */
interface Context {
  attribute: Attribute;
  value: string;
  shared?: 'cache' | 'flight';
}

/**
 * How an outcome that must not be cached leaves lru-cache's fetch: a rejected fetch stores nothing
 * and reaches every caller that joined it, where a resolved one would be stored.
 */
class Uncached {
  constructor(readonly outcome: LookupOutcome) {}
}

export class LookupService {
  readonly #client: UniphoreClient;
  readonly #metrics: Pick<Metrics, 'lookupCache'> | undefined;
  /** Found ids, and (while they run) the upstream requests, one per attribute and value. */
  readonly #cache: LRUCache<string, Found, Context>;

  constructor(client: UniphoreClient, options: LookupServiceOptions) {
    this.#client = client;
    this.#metrics = options.metrics;
    const caching = options.ttlMs > 0;
    this.#cache = new LRUCache({
      max: options.maxEntries ?? 10_000,
      // lru-cache reads ttl 0 as "forever"; with caching off nothing is ever stored anyway.
      ttl: caching ? options.ttlMs : undefined,
      ...cacheClock(options.now),
      fetchMethod: async (_key, _stale, { context, options: entry }) => {
        const ask = () => client.lookup(context.attribute, context.value);
        let outcome: LookupOutcome;
        if (options.shared) {
          const result = await options.shared.lookup(context.attribute, context.value, ask);
          outcome = result.outcome;
          if (result.via === 'shared-cache') context.shared = 'cache';
          if (result.via === 'shared-flight') context.shared = 'flight';
          // The local copy never outlives the shared one.
          if (result.ttlMs !== undefined && caching) entry.ttl = Math.min(result.ttlMs, options.ttlMs);
        } else {
          outcome = await ask();
        }
        if (outcome.kind === 'found' && caching) return outcome;
        throw new Uncached(outcome);
      },
    });
  }

  get transport() {
    return this.#client.transport;
  }

  async lookup(attribute: Attribute, value: string): Promise<LookupResult> {
    const key = `${attribute}\u0000${value}`;
    // The common case, without fetch's status bookkeeping; a lookup in flight is not a hit.
    const hit = this.#cache.get(key);
    if (hit) return this.#counted({ outcome: hit, cached: true, coalesced: false });
    const status: LRUCache.Status<string, Found, Context> = {};
    const context: Context = { attribute, value };
    const coalesced = () => status.fetch === 'inflight' || context.shared === 'flight';
    try {
      const outcome = await this.#cache.forceFetch(key, { context, status });
      return this.#counted({
        outcome,
        cached: status.fetch === 'hit' || context.shared === 'cache',
        coalesced: coalesced(),
      });
    } catch (error) {
      if (error instanceof Uncached) {
        return this.#counted({ outcome: error.outcome, cached: false, coalesced: coalesced() });
      }
      throw error;
    }
  }

  #counted(result: LookupResult): LookupResult {
    this.#metrics?.lookupCache(cacheResult(result));
    return result;
  }
}

function cacheResult(result: LookupResult): CacheResult {
  if (result.cached) return 'hit';
  return result.coalesced ? 'coalesced' : 'miss';
}
