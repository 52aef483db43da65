// A test client for the team feed's Server-Sent Events over a real socket: keeps the raw text and
// the parsed events, and waits for what a test expects.
import http, { type IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: unknown;
}

export class SseClient {
  raw = '';
  readonly events: SseEvent[] = [];
  response!: IncomingMessage;
  #request: http.ClientRequest | undefined;
  #buffer = '';
  #ended = false;
  #watchers = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async open(): Promise<this> {
    this.response = await new Promise<IncomingMessage>((resolve, reject) => {
      this.#request = http.get(
        this.url,
        { headers: { accept: 'text/event-stream', ...this.headers } },
        resolve,
      );
      this.#request.once('error', reject);
    });
    this.response.setEncoding('utf8');
    this.response.on('data', (chunk: string) => this.#read(chunk));
    this.response.on('end', () => {
      this.#ended = true;
      this.#notify();
    });
    this.response.on('error', () => undefined);
    return this;
  }

  get ended(): boolean {
    return this.#ended;
  }

  get pops(): SseEvent[] {
    return this.events.filter((event) => event.event === 'pop');
  }

  get states(): string[] {
    return this.events
      .filter((event) => event.event === 'status')
      .map((event) => (event.data as { state: string }).state);
  }

  /** Resolves once `check` holds (checked on every chunk), rejects after `timeoutMs`. */
  until(check: (client: this) => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    if (check(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const watcher = () => {
        if (!check(this)) return;
        clearTimeout(timer);
        this.#watchers.delete(watcher);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(watcher);
        reject(new Error(`timed out waiting for ${what}; received:\n${this.raw}`));
      }, timeoutMs);
      this.#watchers.add(watcher);
    });
  }

  close(): void {
    this.#request?.destroy();
  }

  #read(chunk: string): void {
    this.raw += chunk;
    this.#buffer += chunk;
    let end = this.#buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const at = line.indexOf(': ');
        if (at > 0) fields[line.slice(0, at)] = line.slice(at + 2);
      }
      if (fields.event !== undefined) {
        this.events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
      }
      end = this.#buffer.indexOf('\n\n');
    }
    this.#notify();
  }

  #notify(): void {
    for (const watcher of [...this.#watchers]) watcher();
  }
}
