// GWS and simulator passthroughs over real sockets.
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSTHROUGH_TIMEOUT_MS, rewriteUpstreamHeaders, stripCookieDomain } from '../plugins/passthrough';
import { listeningProxy } from './support/listening-proxy';
import { RecordingUpstream } from './support/recording-upstream';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './support/self-signed';
import { closedPort } from './support/uniphore-upstream';

let upstream: RecordingUpstream;
let app: FastifyInstance | undefined;
let base = '';

beforeAll(async () => {
  upstream = await new RecordingUpstream().start();
});
afterAll(async () => upstream.close());
afterEach(async () => {
  await app?.close();
  app = undefined;
  upstream.reset();
});

async function start(env: Record<string, string | undefined>) {
  const proxy = await listeningProxy(env);
  app = proxy.app;
  base = `http://127.0.0.1:${proxy.port}`;
  return app;
}

describe('GWS passthrough', () => {
  it('forwards /api/v2/* under the GWS base path with cookies and CSRF headers both ways', async () => {
    await start({ GWS_URL: `${upstream.origin}/gws` });
    const response = await fetch(`${base}/api/v2/me?fields=*`, {
      headers: { cookie: 'JSESSIONID=abc123', authorization: 'Basic YWdlbnQ6cHc=' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(response.headers.get('x-csrf-token')).toBe('csrf-value');
    expect(response.headers.getSetCookie()).toEqual([
      'JSESSIONID=abc123; Path=/; HttpOnly',
      'other=1; Path=/',
    ]);
    // GWS's own CORS policy must not widen ours; X-Powered-By stays hidden.
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    const seen = upstream.seen[0]!;
    expect(seen.url).toBe('/gws/api/v2/me?fields=*');
    expect(seen.headers.cookie).toBe('JSESSIONID=abc123');
    expect(seen.headers.authorization).toBe('Basic YWdlbnQ6cHc=');
    expect(seen.headers.host).toBe(new URL(upstream.origin).host);
  });

  it('streams CometD bodies untouched and holds long polls open', async () => {
    await start({ GWS_URL: upstream.origin });
    upstream.holdMs = 1500;
    // Deliberately not valid JSON: the passthrough must not parse it.
    const body = '[{"channel":"/meta/connect","connectionType":"long-polling","clientId":"x"},  ';
    const started = Date.now();
    const response = await fetch(`${base}/api/v2/notifications/connect`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        cookie: 'JSESSIONID=abc',
        'x-csrf-token': 't1',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const seen = upstream.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/api/v2/notifications/connect');
    expect(seen.body.toString()).toBe(body);
    expect(seen.headers['x-csrf-token']).toBe('t1');
    expect(PASSTHROUGH_TIMEOUT_MS).toBeGreaterThan(60_000);
  });

  it('holds more long polls at once than any default pool size (each needs its own GWS connection)', async () => {
    // An upstream that answers nothing until every poll is held at the same time (or 3 s passed),
    // and everything at once from then on.
    const polls = 300;
    const held: http.ServerResponse[] = [];
    let heldAtOnce: number | undefined;
    const answerAll = () => {
      heldAtOnce ??= held.length;
      for (const poll of held.splice(0)) poll.end('[]');
    };
    const giveUp = setTimeout(answerAll, 3_000);
    const gws = http.createServer((req, res) => {
      req.resume();
      held.push(res);
      if (heldAtOnce !== undefined || held.length === polls) answerAll();
    });
    gws.listen(0, '127.0.0.1');
    await once(gws, 'listening');
    try {
      await start({ GWS_URL: `http://127.0.0.1:${(gws.address() as AddressInfo).port}` });
      const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
      const poll = () =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(
            `${base}/api/v2/notifications/connect`,
            { method: 'POST', agent },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.end('[{"channel":"/meta/connect"}]');
        });
      const statuses = await Promise.all(Array.from({ length: polls }, poll));
      expect(statuses.every((status) => status === 200)).toBe(true);
      // A capped pool would have let only its size through before the 3 s were up.
      expect(heldAtOnce).toBe(polls);
      agent.destroy();
    } finally {
      clearTimeout(giveUp);
      gws.closeAllConnections();
      gws.close();
    }
  });

  it('cuts held long polls when the server closes, instead of waiting for them', async () => {
    const proxy = await start({ GWS_URL: upstream.origin });
    upstream.holdMs = 20_000;
    const poll = fetch(`${base}/api/v2/notifications/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{"channel":"/meta/connect"}]',
    }).then(
      (response) => response.status,
      () => 'cut',
    );
    await expect.poll(() => upstream.seen.length).toBe(1);
    const started = Date.now();
    await proxy.close();
    app = undefined;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await poll).toBe('cut');
  });

  it('passes GWS errors through and never retries', async () => {
    await start({ GWS_URL: upstream.origin });
    upstream.status = 503;
    const response = await fetch(`${base}/api/v2/me`);
    expect(response.status).toBe(503);
    expect(upstream.seen).toHaveLength(1);
  });

  it('answers 502 problem+json when GWS is down, without naming it', async () => {
    await start({ GWS_URL: `http://127.0.0.1:${await closedPort()}` });
    const response = await fetch(`${base}/api/v2/me`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'upstream_unreachable' });
    expect(text).not.toContain('127.0.0.1');
  });

  it('refuses a GWS whose TLS certificate it cannot verify', async () => {
    let reached = 0;
    const server = https.createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => {
      reached++;
      res.end('{}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      await start({ GWS_URL: `https://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const response = await fetch(`${base}/api/v2/me`, { headers: { cookie: 'JSESSIONID=s' } });
      expect(response.status).toBe(502);
      expect(reached).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('also forwards a notifications path outside /api/v2', async () => {
    await start({ GWS_URL: upstream.origin, GWS_NOTIFICATIONS_PATH: '/genesys/cometd' });
    const response = await fetch(`${base}/genesys/cometd/handshake`, { method: 'POST', body: '[]' });
    expect(response.status).toBe(200);
    expect(upstream.seen[0]?.url).toBe('/genesys/cometd/handshake');
  });
});

describe('simulator control passthrough', () => {
  it('forwards /api/sim/* to SIMULATOR_CONTROL_URL', async () => {
    await start({ SIMULATOR_CONTROL_URL: `${upstream.origin}/sim` });
    const response = await fetch(`${base}/api/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ani":"+12125550100"}',
    });
    expect(response.status).toBe(200);
    expect(upstream.seen[0]).toMatchObject({ method: 'POST', url: '/sim/calls' });
    expect(upstream.seen[0]?.body.toString()).toBe('{"ani":"+12125550100"}');
  });

  it('does not exist without the simulator', async () => {
    await start({});
    const response = await fetch(`${base}/api/sim/calls`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
    expect((await fetch(`${base}/api/sim/calls`)).status).toBe(404);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('header rewriting', () => {
  it('drops only the Domain attribute of Set-Cookie', () => {
    expect(stripCookieDomain('a=b; Domain=.x.com; Path=/; Secure; SameSite=None')).toBe(
      'a=b; Path=/; Secure; SameSite=None',
    );
    expect(stripCookieDomain('domain=b; Path=/')).toBe('domain=b; Path=/');
  });
  it('drops upstream CORS and X-Powered-By headers', () => {
    expect(
      rewriteUpstreamHeaders({ 'Access-Control-Allow-Credentials': 'true', 'x-powered-by': 'x', etag: '1' }),
    ).toEqual({ etag: '1' });
  });
});
