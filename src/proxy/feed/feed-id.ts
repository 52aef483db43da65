// Feed event ids are Redis Stream entry ids, `<ms>-<seq>`, whether or not Redis is in use: in Redis
// the stream assigns them, in-process (or while Redis is down) this replica does, in the same form,
// so a browser's Last-Event-ID means the same on every replica and in both modes.

const ID = /^(\d{1,15})-(\d{1,15})$/;

export interface ParsedId {
  ms: number;
  seq: number;
}

export function parseFeedId(id: string | undefined): ParsedId | undefined {
  const match = id === undefined ? null : ID.exec(id);
  if (!match) return undefined;
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

/** Stream order: negative, zero or positive as `a` comes before, is, or comes after `b`. */
export function compareFeedIds(a: ParsedId, b: ParsedId): number {
  return a.ms - b.ms || a.seq - b.seq;
}

/** Hands out increasing ids on the wall clock, never at or below the last one seen or handed out. */
export class FeedIdClock {
  #last: ParsedId = { ms: 0, seq: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  /** An id seen elsewhere (Redis): later local ids come after it. */
  observe(id: ParsedId): void {
    if (compareFeedIds(id, this.#last) > 0) this.#last = id;
  }

  next(): string {
    const ms = Math.max(this.now(), this.#last.ms);
    this.#last = ms === this.#last.ms ? { ms, seq: this.#last.seq + 1 } : { ms, seq: 0 };
    return `${this.#last.ms}-${this.#last.seq}`;
  }
}
