// What happened, for tests to assert on. Bounded so a long soak cannot grow it without limit.
const MAX_ENTRIES = 2_000;

export interface UniphoreRequestLog {
  transport: 'rest' | 'soap';
  rawPath: string;
  attribute?: string | undefined;
  value?: string | undefined;
  status: number;
  at: number;
}

export class Stats {
  findPhoneCall: { body: unknown; at: number }[] = [];
  ucsRejected = 0;
  uniphore: UniphoreRequestLog[] = [];
  handshakes = 0;
  csrfRejected = 0;
  published = 0;

  recordFindPhoneCall(body: unknown): void {
    push(this.findPhoneCall, { body, at: Date.now() });
  }
  recordUniphore(entry: Omit<UniphoreRequestLog, 'at'>): void {
    push(this.uniphore, { ...entry, at: Date.now() });
  }
  reset(): void {
    this.findPhoneCall = [];
    this.uniphore = [];
    this.ucsRejected = 0;
    this.handshakes = 0;
    this.csrfRejected = 0;
    this.published = 0;
  }
  toJSON() {
    const { findPhoneCall, ucsRejected, uniphore, handshakes, csrfRejected, published } = this;
    return { findPhoneCall, ucsRejected, uniphore, handshakes, csrfRejected, published };
  }
}

function push<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}
