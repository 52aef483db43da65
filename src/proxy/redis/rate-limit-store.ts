// Rate limits that count across replicas: @fastify/rate-limit's own Redis store, behind a store that
// falls back to its own in-process store whenever Redis fails. `skipOnError` alone would lift every
// limit while Redis is down; this keeps per-replica limits instead.
import { createRequire } from 'node:module';
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { RedisLink } from './redis-link';

// The plugin's stores are not exported by name; they are plain CommonJS constructors in its package.
const require = createRequire(import.meta.url);
type StoreCtor = new (...args: unknown[]) => FastifyRateLimitStore;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor;

export const RATE_LIMIT_KEY_PREFIX = 'uhw:rate:';

type Incr = FastifyRateLimitStore['incr'];

class FallbackStore implements FastifyRateLimitStore {
  constructor(
    private readonly link: RedisLink,
    private readonly shared: FastifyRateLimitStore,
    private readonly local: FastifyRateLimitStore,
  ) {}

  incr(...[key, callback, timeWindow, max]: Parameters<Incr>): void {
    const local = () => this.local.incr(key, callback, timeWindow, max);
    if (this.link.state !== 'up') {
      local();
      return;
    }
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) return callback(null, result);
        this.link.failed();
        local();
      },
      timeWindow,
      max,
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    return new FallbackStore(this.link, this.shared.child(routeOptions), this.local.child(routeOptions));
  }
}

/** What the plugin hands a store's constructor (its global settings), as far as the stores read it. */
interface StoreSettings {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
}

/** The `store` option of @fastify/rate-limit: Redis while it answers, this process's counters otherwise. */
export function fallbackRateLimitStore(link: RedisLink): FastifyRateLimitStoreCtor {
  const redis: Redis = link.command;
  return class implements FastifyRateLimitStore {
    readonly #store: FallbackStore;
    constructor(settings: FastifyRateLimitOptions) {
      const { continueExceeding, exponentialBackoff, cache } = settings as StoreSettings;
      this.#store = new FallbackStore(
        link,
        new RedisStore(continueExceeding, exponentialBackoff, redis, RATE_LIMIT_KEY_PREFIX),
        new LocalStore(continueExceeding, exponentialBackoff, cache),
      );
    }
    incr(...args: Parameters<Incr>): void {
      this.#store.incr(...args);
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return this.#store.child(routeOptions);
    }
  };
}
