// The replica's connections to the shared Redis (REDIS_URL), and whether Redis is reachable. Redis
// trouble must never hold up a pop: commands fail fast (a short timeout, no offline queue, no
// retries) so callers fall back to their in-process state, and the connections come back by
// themselves when Redis does.
import { EventEmitter } from 'node:events';
import { Redis, type RedisOptions } from 'ioredis';
import type { Secret } from '../secret';

export type RedisState = 'up' | 'down';

/** A command slower than this counts as a failure: the caller goes on without Redis. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** While Redis is suspected (a command failed on an open connection), it is asked this often whether it is back. */
const PROBE_INTERVAL_MS = 500;
/** Reconnect attempts: quickly at first, then every second, for as long as it takes. */
const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1_000);

const baseOptions: RedisOptions = {
  commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2_000,
  retryStrategy,
  lazyConnect: true,
};

export interface RedisLinkLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * One command connection shared by every user (cache, rate limits, feed writes), plus dedicated
 * ones for what cannot share a connection: a pub/sub subscriber and the feed's blocking reader.
 * `state` follows the command connection; `change` fires on every transition.
 */
export class RedisLink extends EventEmitter<{ change: [RedisState] }> {
  readonly command: Redis;
  readonly #url: string;
  readonly #others: Redis[] = [];
  #state: RedisState = 'down';
  #closed = false;
  #probing = false;

  constructor(
    url: Secret,
    private readonly log: RedisLinkLog,
  ) {
    super();
    this.#url = url.reveal();
    this.command = this.#connect('command', baseOptions);
    this.command.on('ready', () => {
      if (!this.#probing) this.#set('up');
    });
    this.command.on('close', () => this.#set('down'));
  }

  get state(): RedisState {
    return this.#state;
  }

  /** Resolves once the first connection attempt settled, up or down: start-up never waits on Redis. */
  async start(): Promise<void> {
    await this.command.connect().catch(() => undefined);
  }

  /**
   * A command failed (timed out: a Redis that hangs keeps its socket open). Until a PING answers
   * again the link is `down`, so callers go on without Redis at once instead of each waiting out
   * its own timeout.
   */
  failed(): void {
    if (this.#closed || this.#probing || this.#state === 'down') return;
    this.#set('down');
    this.#probing = true;
    const probe = () => {
      if (this.#closed) return;
      this.command.ping().then(
        () => {
          this.#probing = false;
          if (this.command.status === 'ready') this.#set('up');
        },
        () => setTimeout(probe, PROBE_INTERVAL_MS).unref(),
      );
    };
    probe();
  }

  /** A connection for SUBSCRIBE (a subscribed connection may send nothing else). */
  subscriber(): Redis {
    return this.#extra('subscriber', baseOptions);
  }

  /**
   * A connection for XREAD BLOCK: no command timeout (the block is the wait), but a client-side
   * guard slightly past the block time, so a silently dead socket cannot hold the reader forever.
   */
  blocking(blockMs: number): Redis {
    return this.#extra('blocking', {
      ...baseOptions,
      commandTimeout: undefined,
      blockingTimeout: blockMs + 1_000,
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const connection of [this.command, ...this.#others]) connection.disconnect(false);
  }

  #extra(role: string, options: RedisOptions): Redis {
    const connection = this.#connect(role, options);
    this.#others.push(connection);
    connection.connect().catch(() => undefined);
    return connection;
  }

  #connect(role: string, options: RedisOptions): Redis {
    const connection = new Redis(this.#url, { ...options, connectionName: `uhw-${role}` });
    // Without a listener ioredis prints every failed attempt; the state change is logged once instead.
    connection.on('error', () => undefined);
    return connection;
  }

  #set(state: RedisState): void {
    if (this.#state === state || this.#closed) return;
    this.#state = state;
    if (state === 'up') this.log.info({ redis: state }, 'redis reachable');
    else this.log.warn({ redis: state }, 'redis unreachable: replicas fall back to in-process state');
    this.emit('change', state);
  }
}
