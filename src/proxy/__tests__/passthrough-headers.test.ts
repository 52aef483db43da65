// What the passthrough tells GWS about the request: the client's end-to-end headers, never its
// hop-by-hop or forwarding claims, and X-Forwarded-* as this proxy (and its trusted load balancers) saw it.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rewriteUpstreamHeaders } from '../plugins/passthrough';
import { upstreamRequestHeaders, withoutHopByHop } from '../plugins/proxy-headers';
import { listeningProxy } from './support/listening-proxy';
import { RawClient, requestHead } from './support/raw-client';
import { RecordingUpstream } from './support/recording-upstream';

let upstream: RecordingUpstream;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  upstream = await new RecordingUpstream().start();
});
afterAll(async () => upstream.close());
afterEach(async () => {
  await app?.close();
  app = undefined;
  upstream.reset();
});

/** Sends one GET /api/v2/me with exactly these headers over a bare socket; returns what GWS received. */
async function forward(headers: Record<string, string>, env: Record<string, string> = {}) {
  const proxy = await listeningProxy({ GWS_URL: upstream.origin, ...env });
  app = proxy.app;
  const client = new RawClient(proxy.port);
  await client.write(
    requestHead('GET', '/api/v2/me', {
      ...headers,
      connection: `close${headers.connection ? `, ${headers.connection}` : ''}`,
    }),
  );
  expect(await client.closed).toMatch(/^HTTP\/1\.1 200 /);
  expect(upstream.seen).toHaveLength(1);
  return upstream.seen[0]!.headers;
}

const SPOOFED = {
  'x-forwarded-for': '6.6.6.6',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-port': '1',
  'x-forwarded-prefix': '/admin',
  forwarded: 'for=6.6.6.6;proto=https;host=evil.example',
  'x-real-ip': '6.6.6.6',
};

describe('headers sent to GWS', () => {
  it('drops hop-by-hop and proxy headers, keeps end-to-end ones', async () => {
    const seen = await forward({
      host: 'widget.example.com',
      cookie: 'JSESSIONID=abc',
      authorization: 'Basic YWdlbnQ6cHc=',
      'x-csrf-token': 't1',
      'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
      'proxy-connection': 'keep-alive',
      te: 'trailers',
      'keep-alive': 'timeout=600',
      upgrade: 'h2c',
      connection: 'x-hop-secret',
      'x-hop-secret': 'for the next hop only',
      trailer: 'x-checksum',
    });
    for (const name of [
      'proxy-authorization',
      'proxy-connection',
      'te',
      'keep-alive',
      'upgrade',
      'x-hop-secret',
      'trailer',
    ]) {
      expect(seen, name).not.toHaveProperty(name);
    }
    expect(seen).toMatchObject({
      cookie: 'JSESSIONID=abc',
      authorization: 'Basic YWdlbnQ6cHc=',
      'x-csrf-token': 't1',
    });
    // The upstream client's own connection management, not the client's `close, x-hop-secret`.
    expect(seen.connection).not.toMatch(/x-hop-secret/);
  });

  it('replaces forwarding claims with what the proxy saw when it trusts no load balancer', async () => {
    const seen = await forward({ host: 'widget.example.com', ...SPOOFED });
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-host']).toBe('widget.example.com');
    for (const name of ['x-forwarded-port', 'x-forwarded-prefix', 'forwarded', 'x-real-ip']) {
      expect(seen, name).not.toHaveProperty(name);
    }
  });

  it('believes TRUST_PROXY_HOPS load balancers and no further', async () => {
    // The load balancer (127.0.0.1 here) appended the client it saw; 6.6.6.6 is the client's own claim.
    const headers = {
      host: 'internal-proxy:8080',
      'x-forwarded-for': '6.6.6.6, 203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'widget.example.com',
    };
    const oneHop = await forward(headers, { TRUST_PROXY_HOPS: '1' });
    expect(oneHop['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
    expect(oneHop['x-forwarded-proto']).toBe('https');
    expect(oneHop['x-forwarded-host']).toBe('widget.example.com');
    await app?.close();
    upstream.reset();
    const twoHops = await forward(headers, { TRUST_PROXY_HOPS: '2' });
    expect(twoHops['x-forwarded-for']).toBe('6.6.6.6, 203.0.113.7, 127.0.0.1');
  });
});

describe('header rewriting', () => {
  it('removes hop-by-hop fields, whatever their case, and those Connection names', () => {
    expect(
      withoutHopByHop({
        Connection: 'Keep-Alive, X-Hop',
        'Keep-Alive': 'timeout=5',
        'x-hop': '1',
        'Transfer-Encoding': 'chunked',
        etag: '"1"',
      }),
    ).toEqual({ etag: '"1"' });
  });

  it('gives GWS the forwarding facts, client first', () => {
    expect(
      upstreamRequestHeaders(
        {
          host: 'gws',
          'X-Forwarded-For': '6.6.6.6',
          Forwarded: 'for=x',
          expect: '100-continue',
          accept: '*/*',
        },
        { ips: ['10.0.0.2', '203.0.113.7'], protocol: 'https', host: 'widget.example.com' },
      ),
    ).toEqual({
      host: 'gws',
      accept: '*/*',
      'x-forwarded-for': '203.0.113.7, 10.0.0.2',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'widget.example.com',
    });
  });

  it('drops GWS’s hop-by-hop response headers as well', () => {
    expect(
      rewriteUpstreamHeaders({ connection: 'keep-alive', 'keep-alive': 'timeout=5', etag: '1' }),
    ).toEqual({
      etag: '1',
    });
  });
});
