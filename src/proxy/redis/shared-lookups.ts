// The lookup cache and single-flight across replicas. The per-process cache (lookup-service.ts)
// stays in front; behind it, before Uniphore is asked:
// 1. found ids live in Redis under a hash of the Uniphore tenant, attribute and value (never the raw
//    value, never the Application-Key), for LOOKUP_CACHE_TTL_MS;
// 2. one replica at a time asks Uniphore for a given id (SET NX PX lock); the others wait for its
//    outcome on a pub/sub channel, a bounded time, then ask Uniphore themselves;
// 3. misses and errors are never stored, but waiting replicas get them.
// Any Redis failure means: ask Uniphore, as a single replica would.
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Attribute } from '../../shared/lookup-api';
import type { LookupOutcome } from '../uniphore/client';
import type { RedisLink } from './redis-link';

export const LOOKUP_DONE_CHANNEL = 'uhw:lookup:done';
const KEY_PREFIX = 'uhw:lookup:';
/** While waiting for another replica's outcome, how often the lock is checked (the announcement may be lost). */
const LOCK_POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK_PREFIX = 'uhw:lookup-lock:';

/** Deletes the lock only if it is still ours (it may have expired and been taken since). */
const RELEASE_LOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export type SharedVia = 'upstream' | 'shared-cache' | 'shared-flight';

export interface SharedLookupResult {
  outcome: LookupOutcome;
  via: SharedVia;
  /** For a shared cache hit: how much longer the entry lives (the local copy must not outlive it). */
  ttlMs?: number;
}

export interface SharedLookupsOptions {
  /** LOOKUP_CACHE_TTL_MS; 0 stores nothing (single-flight still applies). */
  ttlMs: number;
  /** How long a replica waits for another's outcome before asking Uniphore itself. */
  waitMs: number;
  /** Lock lifetime: past it a crashed holder no longer blocks anyone. */
  lockMs: number;
  /** Separates deployments (Uniphore URL, account, tenant, environment, transport) sharing one Redis. */
  scope: string;
}

type Waiter = (outcome: LookupOutcome | undefined) => void;

const isOutcome = (value: unknown): value is LookupOutcome =>
  typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';

export class SharedLookups {
  readonly #command: Redis;
  readonly #subscriber: Redis;
  readonly #waiters = new Map<string, Set<Waiter>>();

  constructor(
    private readonly link: RedisLink,
    private readonly options: SharedLookupsOptions,
  ) {
    this.#command = link.command;
    this.#subscriber = link.subscriber();
    this.#subscriber.on(
      'ready',
      () => void this.#subscriber.subscribe(LOOKUP_DONE_CHANNEL).catch(() => undefined),
    );
    this.#subscriber.on('message', (_channel: string, message: string) => this.#done(message));
    // Redis gone: nobody will publish; waiters ask Uniphore now rather than at their deadline.
    link.on('change', (state) => {
      if (state === 'down') for (const hash of [...this.#waiters.keys()]) this.#resolve(hash, undefined);
    });
  }

  hash(attribute: Attribute, value: string): string {
    return createHash('sha256')
      .update(`${this.options.scope}\u0000${attribute}\u0000${value}`, 'utf8')
      .digest('hex');
  }

  async lookup(
    attribute: Attribute,
    value: string,
    ask: () => Promise<LookupOutcome>,
  ): Promise<SharedLookupResult> {
    const upstream = async (): Promise<SharedLookupResult> => ({ outcome: await ask(), via: 'upstream' });
    if (this.link.state !== 'up') return upstream();
    const hash = this.hash(attribute, value);
    // Any Redis failure: the link is suspected (later lookups skip Redis until it answers again).
    const failed = () => {
      this.link.failed();
      return undefined;
    };
    const cached = await this.#cached(hash).catch(failed);
    if (cached) return cached;
    // Listening before trying the lock: an outcome published right after a failed attempt is not missed.
    const waiting = this.#wait(hash);
    const token = randomUUID();
    const locked = await this.#command
      .set(`${LOCK_PREFIX}${hash}`, token, 'PX', this.options.lockMs, 'NX')
      .then((answer) => answer === 'OK')
      .catch(failed);
    if (locked !== false) {
      waiting.cancel();
      if (locked === undefined) return upstream();
      let outcome: LookupOutcome;
      try {
        outcome = await ask();
      } catch (error) {
        await this.#command.eval(RELEASE_LOCK, 1, `${LOCK_PREFIX}${hash}`, token).catch(failed);
        throw error;
      }
      await this.#share(hash, token, outcome).catch(failed);
      return { outcome, via: 'upstream' };
    }
    // Someone holds the lock: its outcome may already be stored.
    const stored = await this.#cached(hash).catch(failed);
    if (stored) {
      waiting.cancel();
      return stored;
    }
    return this.#follow(hash, waiting, upstream);
  }

  /**
   * Waits for the lock holder's outcome: announced on the channel, or, should the announcement not
   * come (the subscriber reconnecting), seen by polling the lock. Bounded by the waiter's deadline.
   */
  async #follow(
    hash: string,
    waiting: { promise: Promise<LookupOutcome | undefined>; cancel(): void },
    upstream: () => Promise<SharedLookupResult>,
  ): Promise<SharedLookupResult> {
    const announced = waiting.promise;
    const pending = Symbol('pending');
    let result: LookupOutcome | undefined | typeof pending = pending;
    void announced.then((outcome) => {
      result = outcome;
    });
    const settled = () => result !== pending;
    while (!settled()) {
      await Promise.race([announced, sleep(LOCK_POLL_MS)]);
      if (settled()) break;
      const held = await this.#command.exists(`${LOCK_PREFIX}${hash}`).catch(() => 1);
      if (held) continue;
      // The holder is done: a found id is stored (in the same transaction that freed the lock);
      // a miss or an error is only announced, which may still be on its way.
      const stored = await this.#cached(hash).catch(() => null);
      if (stored) {
        waiting.cancel();
        return stored;
      }
      await Promise.race([announced, sleep(LOCK_POLL_MS / 2)]);
      waiting.cancel();
      break;
    }
    const outcome = await announced;
    return outcome ? { outcome, via: 'shared-flight' } : upstream();
  }

  async #cached(hash: string): Promise<SharedLookupResult | null> {
    const [[, text] = [], [, ttl] = []] =
      (await this.#command.multi().get(`${KEY_PREFIX}${hash}`).pttl(`${KEY_PREFIX}${hash}`).exec()) ?? [];
    if (typeof text !== 'string' || typeof ttl !== 'number' || ttl <= 0) return null;
    const outcome: unknown = JSON.parse(text);
    if (!isOutcome(outcome) || outcome.kind !== 'found') return null;
    return { outcome, via: 'shared-cache', ttlMs: ttl };
  }

  async #share(hash: string, token: string, outcome: LookupOutcome): Promise<void> {
    const batch = this.#command.multi();
    if (outcome.kind === 'found' && this.options.ttlMs > 0) {
      batch.set(`${KEY_PREFIX}${hash}`, JSON.stringify(outcome), 'PX', this.options.ttlMs);
    }
    // Lock released before the outcome is announced: a replica that missed the announcement finds the
    // lock free (or the id stored) instead of waiting out its deadline.
    batch.eval(RELEASE_LOCK, 1, `${LOCK_PREFIX}${hash}`, token);
    batch.publish(LOOKUP_DONE_CHANNEL, JSON.stringify({ hash, outcome }));
    await batch.exec();
  }

  #wait(hash: string): { promise: Promise<LookupOutcome | undefined>; cancel(): void } {
    let waiter: Waiter = () => undefined;
    const promise = new Promise<LookupOutcome | undefined>((resolve) => {
      const timer = setTimeout(() => finish(undefined), this.options.waitMs);
      const finish: Waiter = (outcome) => {
        clearTimeout(timer);
        this.#waiters.get(hash)?.delete(waiter);
        if (this.#waiters.get(hash)?.size === 0) this.#waiters.delete(hash);
        resolve(outcome);
      };
      waiter = finish;
    });
    const set = this.#waiters.get(hash) ?? new Set<Waiter>();
    set.add(waiter);
    this.#waiters.set(hash, set);
    return { promise, cancel: () => waiter(undefined) };
  }

  #done(message: string): void {
    try {
      const { hash, outcome } = JSON.parse(message) as { hash?: unknown; outcome?: unknown };
      if (typeof hash === 'string' && isOutcome(outcome)) this.#resolve(hash, outcome);
    } catch {
      // Not ours: ignored.
    }
  }

  #resolve(hash: string, outcome: LookupOutcome | undefined): void {
    for (const waiter of [...(this.#waiters.get(hash) ?? [])]) waiter(outcome);
  }
}
