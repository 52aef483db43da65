// A client on a bare TCP socket, for what fetch cannot do: send headers without the body, wait for
// `100 Continue`, stream a chunked body by hand, and see exactly what the server wrote back.
import net from 'node:net';

export class RawClient {
  received = '';
  readonly closed: Promise<string>;
  #socket: net.Socket;
  #waiters: Array<() => void> = [];

  constructor(port: number) {
    this.#socket = net.connect(port, '127.0.0.1');
    this.#socket.setEncoding('latin1');
    this.#socket.on('data', (data: string) => {
      this.received += data;
      for (const wake of this.#waiters) wake();
    });
    // Writing after the server hung up fails; the test looks at what was received instead.
    this.#socket.on('error', () => {});
    this.closed = new Promise((resolve) => this.#socket.once('close', () => resolve(this.received)));
  }

  get destroyed(): boolean {
    return this.#socket.destroyed;
  }

  write(data: string | Buffer): Promise<void> {
    if (this.#socket.destroyed || this.#socket.writableEnded) return Promise.resolve();
    return new Promise((resolve) => this.#socket.write(data, () => resolve()));
  }

  /** Resolves with everything received once it matches, rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs = 3000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(this.received)) return false;
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        resolve(this.received);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        reject(new Error(`timed out waiting for ${pattern}; received: ${JSON.stringify(this.received)}`));
      }, timeoutMs);
      if (!check()) this.#waiters.push(wake);
    });
  }

  close(): void {
    this.#socket.destroy();
  }
}

/** One HTTP/1.1 request head; `headers` in order, CRLF line ends. */
export function requestHead(method: string, path: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

export const chunk = (data: string | Buffer) =>
  Buffer.concat([
    Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`),
    Buffer.from(data),
    Buffer.from('\r\n'),
  ]);
export const LAST_CHUNK = '0\r\n\r\n';
