// `Expect: 100-continue` over a real socket: the proxy answers it itself, after its own checks, and
// GWS receives an ordinary request.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { authHeader, testConfig } from './support/env';
import { RawClient, requestHead } from './support/raw-client';
import { RecordingUpstream } from './support/recording-upstream';

const LIMIT = 4096;
const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

let upstream: RecordingUpstream;
let app: FastifyInstance;
let port = 0;

beforeAll(async () => {
  upstream = await new RecordingUpstream().start();
  app = await buildApp(
    testConfig({ GWS_URL: upstream.origin, PASSTHROUGH_BODY_LIMIT_BYTES: String(LIMIT) }),
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
afterEach(() => upstream.reset());

const head = (path: string, length: number, extra: Record<string, string> = {}) =>
  requestHead('POST', path, {
    host: 'proxy.test',
    'content-type': 'application/json',
    'content-length': String(length),
    expect: '100-continue',
    connection: 'close',
    ...extra,
  });

describe('Expect: 100-continue', () => {
  it('answers 100 Continue, then streams the body on to GWS without the expectation', async () => {
    const body = '{"operationName":"Ready"}';
    const client = new RawClient(port);
    await client.write(head('/api/v2/me', body.length));
    // The client holds the body back until it hears 100 Continue.
    await client.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    expect(upstream.started).toBe(0);
    await client.write(body);
    const raw = await client.closed;
    expect(raw.slice(CONTINUE.length)).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw).toContain(body);
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]?.body.toString()).toBe(body);
    expect(upstream.seen[0]?.headers).not.toHaveProperty('expect');
  });

  it('answers a body over the limit with 413 instead of 100 Continue', async () => {
    const client = new RawClient(port);
    await client.write(head('/api/v2/me', LIMIT + 1));
    const raw = await client.closed;
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).not.toContain('100 Continue');
    expect(upstream.started).toBe(0);
  });

  it('answers a request its route refuses with the refusal, not 100 Continue, and closes', async () => {
    const client = new RawClient(port);
    // A keep-alive request: the body it holds back must not be read as the next request.
    await client.write(
      requestHead('GET', '/api/uniphore/unique-id/dtmf/1234', {
        host: 'proxy.test',
        expect: '100-continue',
        'content-length': '2',
      }),
    );
    const raw = await client.closed;
    expect(raw).toMatch(/^HTTP\/1\.1 401 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    expect(raw).not.toContain('100 Continue');
  });

  it('lets a route that accepts the caller read the body after 100 Continue', async () => {
    const client = new RawClient(port);
    await client.write(
      requestHead('GET', '/api/uniphore/unique-id/dtmf/1234', {
        host: 'proxy.test',
        expect: '100-continue',
        'content-length': '2',
        connection: 'close',
        ...authHeader,
      }),
    );
    await client.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    await client.write('{}');
    // Uniphore itself is unreachable in this setup: what matters is that a final answer follows.
    expect((await client.closed).slice(CONTINUE.length)).toMatch(/^HTTP\/1\.1 \d{3} /);
  });
});
