// An upstream over a real socket that records every complete request (method, URL, headers, body)
// and counts the ones whose body never completed, for the passthrough tests.
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export class RecordingUpstream {
  /** Requests whose body arrived in full. */
  readonly seen: Seen[] = [];
  /** Requests that began (headers arrived) but whose body was cut off. */
  incomplete = 0;
  /** Requests whose headers arrived. */
  started = 0;
  holdMs = 0;
  status = 200;
  /** The answer's body; unset: the request's body echoed, or a GWS-like `{"statusCode":0}`. */
  body: string | undefined;
  #server = http.createServer(async (req, res) => {
    this.started++;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      this.incomplete++;
      return;
    }
    if (!req.complete) {
      this.incomplete++;
      return;
    }
    const body = Buffer.concat(chunks);
    this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    if (this.holdMs > 0) await new Promise((resolve) => setTimeout(resolve, this.holdMs));
    res.writeHead(this.status, {
      'content-type': 'application/json;charset=UTF-8',
      'set-cookie': ['JSESSIONID=abc123; Path=/; Domain=gws.internal.example; HttpOnly', 'other=1; Path=/'],
      'x-csrf-header': 'X-CSRF-TOKEN',
      'x-csrf-token': 'csrf-value',
      'access-control-allow-origin': '*',
      'x-powered-by': 'Jetty(9)',
    });
    // Echo the body byte for byte so the test can compare.
    res.end(this.body ?? (body.length > 0 ? body : '{"statusCode":0}'));
  });

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.seen.length = 0;
    this.incomplete = 0;
    this.started = 0;
    this.holdMs = 0;
    this.status = 200;
    this.body = undefined;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
