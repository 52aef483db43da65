// The replay buffer of one replica: the newest pops, at most `capacity` of them and none older than
// `maxAgeMs`, in the order they arrived here. A (re)connecting supervisor is replayed what it holds
// after its Last-Event-ID, so it misses nothing still held and sees nothing twice.
import type { FeedEntry } from '../../shared/pop-feed';
import { compareFeedIds, parseFeedId } from './feed-id';

export interface FeedRingOptions {
  capacity: number;
  maxAgeMs: number;
  /** Epoch ms (entries carry `reportedAt` on the same clock). */
  now?: () => number;
}

export class FeedRing {
  readonly #entries: FeedEntry[] = [];
  readonly #ids = new Set<string>();
  readonly #now: () => number;

  constructor(private readonly options: FeedRingOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** false when the entry is already held (a replayed stream entry, a reader's second look). */
  add(entry: FeedEntry): boolean {
    if (this.#ids.has(entry.id)) return false;
    this.#entries.push(entry);
    this.#ids.add(entry.id);
    while (this.#entries.length > this.options.capacity) this.#drop();
    return true;
  }

  /**
   * What a subscriber that last saw `lastEventId` has not seen: the entries after it when it is held,
   * else (an id from before this replica's memory, or from another replica's degraded spell) those
   * with a later id; everything held when there is no usable id.
   */
  after(lastEventId: string | undefined): FeedEntry[] {
    this.#expire();
    const last = parseFeedId(lastEventId);
    if (!last) return [...this.#entries];
    const at = this.#entries.findIndex((entry) => entry.id === lastEventId);
    if (at >= 0) return this.#entries.slice(at + 1);
    return this.#entries.filter((entry) => {
      const id = parseFeedId(entry.id);
      return id !== undefined && compareFeedIds(id, last) > 0;
    });
  }

  get size(): number {
    this.#expire();
    return this.#entries.length;
  }

  #expire(): void {
    const oldest = this.#now() - this.options.maxAgeMs;
    while (this.#entries.length > 0 && (this.#entries[0]?.reportedAt ?? 0) < oldest) this.#drop();
  }

  #drop(): void {
    const dropped = this.#entries.shift();
    if (dropped) this.#ids.delete(dropped.id);
  }
}
