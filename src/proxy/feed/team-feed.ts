// The team feed of one replica: reports come in (POST /api/pops), supervisors' streams go out
// (GET /api/pops/stream). Without Redis the feed is this replica's ring. With Redis every report
// goes through the shared stream (redis-feed.ts) and comes back to each replica's ring, so every
// supervisor sees every replica's pops; while Redis is down, reports go straight to this replica's
// ring and subscribers are told the feed is `degraded`.
import type { FeedAgent, FeedEntry, FeedStatus } from '../../shared/pop-feed';
import type { PopReport } from '../../shared/pop-report';
import { FeedIdClock, parseFeedId } from './feed-id';
import { FeedRing, type FeedRingOptions } from './feed-ring';

export type FeedState = FeedStatus['state'];

export interface FeedListener {
  entry(entry: FeedEntry): void;
  state(state: FeedState): void;
}

/** The shared stream, as the feed uses it (redis-feed.ts). */
export interface SharedFeedStream {
  /** Appends; resolves to the stream's id for the entry, rejects when Redis cannot take it. */
  append(entry: Omit<FeedEntry, 'id'>): Promise<string>;
  /** Starts delivering every entry of the stream (this replica's own included) and state changes. */
  start(sink: { entry(entry: FeedEntry): void; state(up: boolean): void }): void;
  close(): Promise<void>;
}

export interface TeamFeedOptions extends FeedRingOptions {
  shared?: SharedFeedStream;
}

export class TeamFeed {
  readonly #ring: FeedRing;
  readonly #ids: FeedIdClock;
  readonly #listeners = new Set<FeedListener>();
  readonly #shared: SharedFeedStream | undefined;
  readonly #now: () => number;
  #state: FeedState;

  constructor(options: TeamFeedOptions) {
    this.#now = options.now ?? Date.now;
    this.#ring = new FeedRing(options);
    this.#ids = new FeedIdClock(this.#now);
    this.#shared = options.shared;
    this.#state = this.#shared ? 'degraded' : 'live';
    this.#shared?.start({
      entry: (entry) => {
        const id = parseFeedId(entry.id);
        if (id) this.#ids.observe(id);
        this.#deliver(entry);
      },
      state: (up) => this.#setState(up ? 'live' : 'degraded'),
    });
  }

  get state(): FeedState {
    return this.#state;
  }

  /** Resolves once the feed is live, or after `ms` (start-up waits a moment for Redis, never longer). */
  whenLive(ms: number): Promise<void> {
    if (this.#state === 'live') return Promise.resolve();
    return new Promise((resolve) => {
      const listener: FeedListener = { entry: () => undefined, state: (state) => state === 'live' && done() };
      const done = () => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#listeners.add(listener);
    });
  }

  /** Records a report; resolves to its entry (its id is the SSE event id). Never rejects over Redis. */
  async publish(agent: FeedAgent, pop: PopReport): Promise<FeedEntry> {
    const fields = { agent, pop, reportedAt: this.#now() };
    if (this.#shared) {
      try {
        // Delivered here by the stream reader, like every other replica's entries.
        return { id: await this.#shared.append(fields), ...fields };
      } catch {
        // Fails at once while Redis is unreachable (no offline queue), or after a short timeout.
        this.#setState('degraded');
      }
    }
    const entry = { id: this.#ids.next(), ...fields };
    this.#deliver(entry);
    return entry;
  }

  /**
   * A subscriber: what it missed after `lastEventId` (bounded by the backlog), then every new entry
   * and state change until it unsubscribes. The backlog is taken and the listener added in one
   * turn of the event loop, so nothing falls between them.
   */
  subscribe(
    lastEventId: string | undefined,
    listener: FeedListener,
  ): { backlog: FeedEntry[]; close(): void } {
    const backlog = this.#ring.after(lastEventId);
    this.#listeners.add(listener);
    return { backlog, close: () => this.#listeners.delete(listener) };
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#shared?.close();
  }

  #deliver(entry: FeedEntry): void {
    if (!this.#ring.add(entry)) return;
    for (const listener of this.#listeners) listener.entry(entry);
  }

  #setState(state: FeedState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#listeners) listener.state(state);
  }
}
