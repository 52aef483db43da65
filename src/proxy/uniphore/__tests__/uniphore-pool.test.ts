// The Uniphore connection pool over real sockets: connections reused, kept warm, TLS resumed.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from '../../__tests__/support/self-signed';
import { MAX_UPSTREAM_BODY_BYTES } from '../http';
import { UniphorePool, type UniphorePoolOptions } from '../uniphore-pool';

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  connection: number;
  tlsResumed?: boolean;
}

/** An upstream that numbers its connections and records every request. */
async function upstream(
  options: { tls?: boolean; answer?: (req: IncomingMessage, res: ServerResponse) => void } = {},
) {
  const seen: Seen[] = [];
  let connections = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket as typeof req.socket & { id?: number };
    seen.push({
      path: req.url ?? '',
      headers: req.headers,
      connection: socket.id ?? -1,
      ...(options.tls ? { tlsResumed: (req.socket as TLSSocket).isSessionReused() } : {}),
    });
    if (options.answer) options.answer(req, res);
    else res.end('4df73e86');
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, handler)
    : createHttpServer(handler);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket) => {
    (socket as { id?: number }).id = ++connections;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const pools: UniphorePool[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setup(pool: Partial<UniphorePoolOptions> = {}, server: Parameters<typeof upstream>[0] = {}) {
  const up = await upstream(server);
  closers.push(up.close);
  const created = new UniphorePool({
    url: up.url,
    timeoutMs: 1000,
    keepWarmMs: 0,
    keepWarmConnections: 1,
    ...pool,
  });
  pools.push(created);
  return { up, pool: created };
}

const GET = { method: 'GET' as const, headers: { 'Application-Key': 'KEY' } };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('UniphorePool', () => {
  it('answers over kept-alive connections, headers and body as they came', async () => {
    const { up, pool } = await setup();
    const paths = [0, 1, 2, 3, 4, 5].map((i) => `/interact/uniqueId/dtmf/${i}`);
    for (const path of paths) {
      const result = await pool.http(`${up.url}${path}`, GET, 1000);
      expect(result).toMatchObject({
        ok: true,
        response: { status: 200, body: '4df73e86', truncated: false },
      });
    }
    expect(up.seen.map((s) => s.path)).toEqual(paths);
    expect(up.seen[0]?.headers['application-key']).toBe('KEY');
    // undici checks an idle socket for a pending close before reusing it (one event-loop turn), so a
    // request sent the moment the previous one ended may open a second connection; never more.
    expect(up.connections()).toBeLessThanOrEqual(2);
  });

  it('reads response headers case-insensitively, joining repeated ones', async () => {
    const { up, pool } = await setup(
      {},
      {
        answer: (_req, res) => {
          res.setHeader('Unauthenticated-Reason', 'bad key');
          res.setHeader('X-Twice', ['a', 'b']);
          res.writeHead(401).end('{}');
        },
      },
    );
    const result = await pool.http(`${up.url}/x`, GET, 1000);
    if (!result.ok) throw new Error('no answer');
    expect(result.response.headers.get('unauthenticated-reason')).toBe('bad key');
    expect(result.response.headers.get('X-Twice')).toBe('a, b');
    expect(result.response.headers.get('absent')).toBeNull();
  });

  it('cuts bodies past the limit and aborts at the deadline', async () => {
    const big = await setup({}, { answer: (_req, res) => res.end('x'.repeat(MAX_UPSTREAM_BODY_BYTES + 1)) });
    const result = await big.pool.http(`${big.up.url}/x`, GET, 1000);
    expect(result.ok && result.response.truncated).toBe(true);

    let closed = false;
    const slow = await setup(
      {},
      {
        answer: (req) => {
          req.socket.once('close', () => {
            closed = true;
          });
        },
      },
    );
    expect(await slow.pool.http(`${slow.up.url}/x`, GET, 100)).toEqual({
      ok: false,
      outcome: { kind: 'timeout' },
    });
    await wait(50);
    expect(closed).toBe(true);
  });

  it('reports a refused connection by its code', async () => {
    const { up, pool } = await setup();
    await up.close();
    expect(await pool.http(`${up.url}/x`, GET, 1000)).toEqual({
      ok: false,
      outcome: { kind: 'unreachable', detail: 'ECONNREFUSED' },
    });
  });

  it('opens the keep-warm connections at once and keeps them, pinging without credentials', async () => {
    const { up } = await setup({ keepWarmMs: 150, keepWarmConnections: 2 });
    await wait(50);
    expect(up.connections()).toBe(2);
    await wait(400);
    const pings = up.seen.filter((s) => s.path === '/');
    expect(pings.length).toBeGreaterThanOrEqual(4);
    expect(pings.every((ping) => ping.headers['application-key'] === undefined)).toBe(true);
    // Still the two first connections: each round of pings found them open.
    expect(up.connections()).toBe(2);
    expect(new Set(pings.map((ping) => ping.connection))).toEqual(new Set([1, 2]));
  });

  it('pings report whether Uniphore answers at all', async () => {
    const { up, pool } = await setup({}, { answer: (_req, res) => res.writeHead(404).end('no') });
    expect(await pool.ping()).toBe(true);
    await up.close();
    expect(await pool.ping()).toBe(false);
  });

  it('trusts no certificate it was not told to', async () => {
    const { up, pool } = await setup({}, { tls: true });
    const result = await pool.http(`${up.url}/x`, GET, 1000);
    expect(result).toMatchObject({ ok: false, outcome: { kind: 'unreachable' } });
    expect(up.seen).toHaveLength(0);
  });

  it('resumes the TLS session on a new connection', async () => {
    const { up, pool } = await setup(
      { ca: SELF_SIGNED_CERT },
      {
        tls: true,
        // The server closes each connection: the next request needs a new one.
        answer: (_req, res) => res.setHeader('connection', 'close').end('id'),
      },
    );
    for (let i = 0; i < 3; i++) {
      expect(await pool.http(`${up.url}/x`, GET, 1000)).toMatchObject({ ok: true });
      await wait(20);
    }
    expect(up.connections()).toBe(3);
    expect(up.seen.map((s) => s.tlsResumed)).toEqual([false, true, true]);
  });
});
