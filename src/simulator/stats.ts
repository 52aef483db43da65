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
  /** Uniphore requests received, counted on arrival (a slow answer is counted before it is sent). */
  uniphoreReceived = 0;
  /** Uniphore requests the client gave up on before the answer (a proxy timeout must abort). */
  uniphoreAborted = 0;
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
    this.uniphoreReceived = 0;
    this.uniphoreAborted = 0;
    this.ucsRejected = 0;
    this.handshakes = 0;
    this.csrfRejected = 0;
    this.published = 0;
  }
  toJSON() {
    const { findPhoneCall, ucsRejected, uniphore, uniphoreReceived, uniphoreAborted } = this;
    const { handshakes, csrfRejected, published } = this;
    return {
      findPhoneCall,
      ucsRejected,
      uniphore,
      uniphoreReceived,
      uniphoreAborted,
      handshakes,
      csrfRejected,
      published,
    };
  }
}

function push<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}
