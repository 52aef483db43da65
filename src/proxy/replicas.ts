// What the replicas share, and how: with REDIS_URL the team feed, the lookup cache and single-flight,
// and the rate limits go through Redis; without it (one replica) all of it stays in-process.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import { RedisFeedStream } from './feed/redis-feed';
import { TeamFeed } from './feed/team-feed';
import { fallbackRateLimitStore } from './redis/rate-limit-store';
import { RedisLink } from './redis/redis-link';
import { SharedLookups } from './redis/shared-lookups';

export type RedisHealth = 'up' | 'down' | 'off';

export interface ReplicaState {
  feed: TeamFeed;
  /** Options for @fastify/rate-limit's registration. */
  rateLimit: { store?: ReturnType<typeof fallbackRateLimitStore> };
  sharedLookups: SharedLookups | undefined;
  redis(): RedisHealth;
  close(): Promise<void>;
}

/** Margin over the Uniphore timeout: a lock holder's call ends within UNIPHORE_TIMEOUT_MS. */
const FLIGHT_MARGIN_MS = 1_000;

export async function replicaState(config: Config, log: FastifyBaseLogger): Promise<ReplicaState> {
  const ring = { capacity: config.feed.backlog, maxAgeMs: config.feed.backlogMaxAgeMs };
  if (config.redisUrl === undefined) {
    const feed = new TeamFeed(ring);
    return { feed, rateLimit: {}, sharedLookups: undefined, redis: () => 'off', close: () => feed.close() };
  }
  const link = new RedisLink(config.redisUrl, log);
  await link.start();
  const { uniphore } = config;
  const sharedLookups = new SharedLookups(link, {
    ttlMs: config.lookup.cacheTtlMs,
    waitMs: uniphore.timeoutMs + FLIGHT_MARGIN_MS,
    lockMs: uniphore.timeoutMs + 2 * FLIGHT_MARGIN_MS,
    scope: [
      uniphore.url,
      uniphore.accountId,
      uniphore.tenantId,
      uniphore.environmentName,
      uniphore.transport,
    ].join('\u0000'),
  });
  const feed = new TeamFeed({ ...ring, shared: new RedisFeedStream(link, ring) });
  // With Redis there, the replica starts live (its reader caught up) rather than degraded for a moment.
  if (link.state === 'up') await feed.whenLive(FLIGHT_MARGIN_MS);
  return {
    feed,
    rateLimit: { store: fallbackRateLimitStore(link) },
    sharedLookups,
    redis: () => link.state,
    async close() {
      await feed.close();
      await link.close();
    },
  };
}
