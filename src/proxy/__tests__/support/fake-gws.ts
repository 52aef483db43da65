// A minimal GWS: `/api/v2/me` accepts one session cookie and answers with its user resource.
// Counts requests and records headers.
import { once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export const VALID_SESSION = 'JSESSIONID=valid-session-1';
export const SESSION_USER = {
  id: 'a3b2c1d0e9f8',
  userName: 'agent',
  firstName: 'Dana',
  lastName: 'Scully',
  roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
};

/** A second session, of an agent who is not a supervisor. */
export const AGENT_SESSION = 'JSESSIONID=agent-session-2';
export const AGENT_USER = {
  id: 'agent-7',
  userName: 'dana',
  firstName: 'Dana',
  lastName: 'Demo',
  roles: ['ROLE_AGENT'],
};

export class FakeGws {
  readonly received: IncomingHttpHeaders[] = [];
  status = 200;
  /** The body of a 200 answer; tests replace it to send odd user resources. */
  meBody = JSON.stringify({ statusCode: 0, user: SESSION_USER });
  #server = http.createServer((req, res) => {
    this.received.push(req.headers);
    if (req.url !== '/api/v2/me') return void res.writeHead(404).end();
    if (this.status !== 200) return void res.writeHead(this.status).end();
    const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
    if (cookies.includes(AGENT_SESSION)) {
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ statusCode: 0, user: AGENT_USER }));
    }
    if (!cookies.includes(VALID_SESSION)) {
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"statusCode":2}');
    }
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'x-csrf-header': 'X-CSRF-TOKEN',
        'x-csrf-token': 't',
      })
      .end(this.meBody);
  });

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
