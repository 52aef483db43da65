// The team feed shared through Redis: a capped Redis Stream. Each report is one XADD (trimmed to
// about FEED_BACKLOG entries and FEED_BACKLOG_MAX_AGE_S of age, the key expiring with its newest
// entry), and each replica reads the stream with one blocking XREAD connection and fans the entries
// out to its own subscribers. The stream entry id is the SSE event id: a supervisor's Last-Event-ID
// means the same on every replica. Why a stream and not pub/sub: see src/proxy/README.md
// ("Deploying behind a load balancer").
import type { Redis } from 'ioredis';
import { Compile } from 'typebox/compile';
import { FeedEntry } from '../../shared/pop-feed';
import type { RedisLink } from '../redis/redis-link';
import type { SharedFeedStream } from './team-feed';

export const FEED_STREAM_KEY = 'uhw:feed';
/** How long one XREAD waits for new entries before asking again. */
export const FEED_BLOCK_MS = 5_000;
/** Pause after a failed read before the next attempt (Redis down: the link reconnects meanwhile). */
const RETRY_MS = 250;

type StreamRow = [id: string, fields: string[]];

export interface RedisFeedOptions {
  capacity: number;
  maxAgeMs: number;
  now?: () => number;
  blockMs?: number;
  key?: string;
}

/** Compiled once: every entry of the stream is checked before it reaches a supervisor. */
const isFeedEntry = Compile(FeedEntry);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the connection is ready, or after `ms` (the read that follows then fails). */
function ready(connection: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    connection.once('ready', done);
  });
}

function toEntry([id, fields]: StreamRow): FeedEntry | undefined {
  const at = fields.indexOf('e');
  if (at < 0 || at % 2 !== 0) return undefined;
  try {
    const entry = { id, ...JSON.parse(fields[at + 1] ?? '') };
    return isFeedEntry.Check(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

export class RedisFeedStream implements SharedFeedStream {
  readonly #key: string;
  readonly #now: () => number;
  readonly #blockMs: number;
  #reader: Redis | undefined;
  #closed = false;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly link: RedisLink,
    private readonly options: RedisFeedOptions,
  ) {
    this.#key = options.key ?? FEED_STREAM_KEY;
    this.#now = options.now ?? Date.now;
    this.#blockMs = options.blockMs ?? FEED_BLOCK_MS;
  }

  async append(fields: Omit<FeedEntry, 'id'>): Promise<string> {
    // Known to be unreachable (or hanging): no command, no wait.
    if (this.link.state !== 'up') throw new Error('Redis is unreachable');
    try {
      return await this.#append(fields);
    } catch (error) {
      this.link.failed();
      throw error;
    }
  }

  async #append(fields: Omit<FeedEntry, 'id'>): Promise<string> {
    const { capacity, maxAgeMs } = this.options;
    const results = await this.link.command
      .multi()
      .xadd(this.#key, 'MAXLEN', '~', capacity, '*', 'e', JSON.stringify(fields))
      // Entries older than the replay window are never replayed: trim them as well.
      .xtrim(this.#key, 'MINID', '~', `${this.#now() - maxAgeMs}-0`)
      .pexpire(this.#key, maxAgeMs)
      .exec();
    const [error, id] = results?.[0] ?? [new Error('no reply')];
    if (error || typeof id !== 'string') throw error ?? new Error('XADD answered no id');
    return id;
  }

  start(sink: { entry(entry: FeedEntry): void; state(up: boolean): void }): void {
    const reader = this.link.blocking(this.#blockMs);
    // Redis back (the reader's connection up too): live at once, not when the read in flight returns.
    this.link.on('change', (state) => sink.state(state === 'up' && reader.status === 'ready'));
    this.#reader = reader;
    this.#loop = this.#read(reader, sink);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#reader?.disconnect(false);
    await this.#loop;
  }

  async #read(reader: Redis, sink: { entry(entry: FeedEntry): void; state(up: boolean): void }) {
    // Undefined until the backlog was read: a replica that starts first takes what the stream holds,
    // then follows it from the last entry it got (after an outage too: stream ids grow with time, so a
    // restarted, empty Redis's new entries still come after it).
    let last: string | undefined;
    const deliver = (rows: StreamRow[]) => {
      for (const row of rows) {
        last = row[0];
        const entry = toEntry(row);
        if (entry) sink.entry(entry);
      }
    };
    while (!this.#closed) {
      try {
        // Connecting (at start, after an outage) is not a failure: wait for it, a little.
        if (reader.status !== 'ready') await ready(reader, RETRY_MS * 4);
        if (last === undefined) {
          const rows = (await reader.xrevrange(
            this.#key,
            '+',
            '-',
            'COUNT',
            this.options.capacity,
          )) as StreamRow[];
          last = '0-0';
          deliver(rows.reverse());
        }
        // Both connections are up and the reader is caught up: the feed is live again (said before
        // the read, which may block for a while when nobody reports).
        if (this.link.state === 'up' && reader.status === 'ready') sink.state(true);
        const reply = (await reader.xread('BLOCK', this.#blockMs, 'STREAMS', this.#key, last)) as
          | [string, StreamRow[]][]
          | null;
        for (const [, rows] of reply ?? []) deliver(rows);
      } catch {
        if (this.#closed) return;
        sink.state(false);
        await sleep(RETRY_MS);
      }
    }
  }
}
