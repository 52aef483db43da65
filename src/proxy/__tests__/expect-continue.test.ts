// `Expect: 100-continue` over a real socket: the proxy answers it itself, after its own checks, and
// GWS receives an ordinary request.
import { describe, expect, it } from 'vitest';
import { authHeader } from './support/env';
import { proxyInFrontOfUpstream } from './support/listening-proxy';
import { RawClient, requestHead } from './support/raw-client';

const LIMIT = 4096;
const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

const proxy = proxyInFrontOfUpstream((origin) => ({
  GWS_URL: origin,
  PASSTHROUGH_BODY_LIMIT_BYTES: String(LIMIT),
}));

/** A request head expecting 100-continue before its `length`-byte body. */
const head = (method: string, path: string, length: number, extra: Record<string, string> = {}) =>
  requestHead(method, path, {
    host: 'proxy.test',
    'content-type': 'application/json',
    'content-length': String(length),
    expect: '100-continue',
    ...extra,
  });
const LOOKUP = '/api/uniphore/unique-id/dtmf/1234';

describe('Expect: 100-continue', () => {
  it('answers 100 Continue, then streams the body on to GWS without the expectation', async () => {
    const body = '{"operationName":"Ready"}';
    const client = new RawClient(proxy.port);
    await client.write(head('POST', '/api/v2/me', body.length, { connection: 'close' }));
    // The client holds the body back until it hears 100 Continue.
    await client.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    expect(proxy.upstream.started).toBe(0);
    await client.write(body);
    const raw = await client.closed;
    expect(raw.slice(CONTINUE.length)).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw).toContain(body);
    expect(proxy.upstream.seen).toHaveLength(1);
    expect(proxy.upstream.seen[0]?.body.toString()).toBe(body);
    expect(proxy.upstream.seen[0]?.headers).not.toHaveProperty('expect');
  });

  it('answers a body over the limit with 413 instead of 100 Continue', async () => {
    const client = new RawClient(proxy.port);
    await client.write(head('POST', '/api/v2/me', LIMIT + 1));
    const raw = await client.closed;
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).not.toContain('100 Continue');
    expect(proxy.upstream.started).toBe(0);
  });

  it('answers a request its route refuses with the refusal, not 100 Continue, and closes', async () => {
    const client = new RawClient(proxy.port);
    // A keep-alive request: the body it holds back must not be read as the next request.
    await client.write(head('GET', LOOKUP, 2));
    const raw = await client.closed;
    expect(raw).toMatch(/^HTTP\/1\.1 401 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    expect(raw).not.toContain('100 Continue');
  });

  it('lets a route that accepts the caller read the body after 100 Continue', async () => {
    const client = new RawClient(proxy.port);
    await client.write(head('GET', LOOKUP, 2, { connection: 'close', ...authHeader }));
    await client.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    await client.write('{}');
    // Uniphore itself is unreachable in this setup: what matters is that a final answer follows.
    expect((await client.closed).slice(CONTINUE.length)).toMatch(/^HTTP\/1\.1 \d{3} /);
  });
});
