import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import {
  bearerToken,
  createAuthenticator,
  GWS_DENIAL_TTL_MS,
  GWS_VERDICT_TTL_MS,
  GwsSessionVerifier,
  tokenMatches,
} from '../plugins/auth';
import { readGwsUser } from '../plugins/gws-user';
import type { FetchLike } from '../uniphore/client';
import { TEST_PROXY_TOKEN, testConfig, testEnv } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { FakeGws, SESSION_USER, VALID_SESSION } from './support/fake-gws';
import { closedPort } from './support/uniphore-upstream';

const LOOKUP = '/api/uniphore/unique-id/dtmf/4567';
let gws: FakeGws;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  gws = await new FakeGws().start();
});
afterAll(async () => {
  await gws.close();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  gws.received.length = 0;
  gws.status = 200;
  gws.meBody = JSON.stringify({ statusCode: 0, user: SESSION_USER });
});

async function setup(env: Record<string, string | undefined>, now?: () => number) {
  const client = new FakeUniphoreClient();
  app = await buildApp(testConfig({ LOOKUP_CACHE_TTL_MS: '0', ...env }), {
    uniphoreClient: client,
    logger: false,
    now,
  });
  return { app, client };
}

/** What the authenticator reads of a request. */
const requestWith = (headers: Record<string, string>) =>
  ({ headers, ip: '192.0.2.7' }) as unknown as FastifyRequest;

describe('PROXY_AUTH=gws', () => {
  const gwsEnv = () => ({ PROXY_AUTH: 'gws', GWS_URL: gws.url });

  it('refuses a caller without a session cookie, asking GWS nothing', async () => {
    const { app, client } = await setup(gwsEnv());
    const response = await app.inject({ url: LOOKUP });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(gws.received).toHaveLength(0);
    expect(client.calls).toHaveLength(0);
  });

  it('accepts a live GWS session and remembers the verdict', async () => {
    const { app, client } = await setup(gwsEnv());
    const cookie = `${VALID_SESSION}; other=1`;
    for (let i = 0; i < 3; i++) {
      const response = await app.inject({
        url: LOOKUP,
        headers: { cookie, authorization: 'Basic c2VjcmV0' },
      });
      expect(response.statusCode).toBe(200);
    }
    expect(gws.received).toHaveLength(1);
    expect(gws.received[0]?.cookie).toBe(cookie);
    // Only the session travels to GWS, not the caller's other credentials.
    expect(gws.received[0]?.authorization).toBeUndefined();
    expect(client.calls).toHaveLength(3);
  });

  it('asks GWS again once a verdict is older than its TTL', async () => {
    let now = 0;
    const { app } = await setup(gwsEnv(), () => now);
    const lookup = (cookie: string) => app.inject({ url: LOOKUP, headers: { cookie } });
    expect((await lookup(VALID_SESSION)).statusCode).toBe(200);
    expect((await lookup('JSESSIONID=forged')).statusCode).toBe(401);
    now += GWS_DENIAL_TTL_MS - 1;
    await lookup(VALID_SESSION);
    await lookup('JSESSIONID=forged');
    expect(gws.received).toHaveLength(2);
    now += 2; // the denial has expired, the acceptance has not
    await lookup(VALID_SESSION);
    await lookup('JSESSIONID=forged');
    expect(gws.received).toHaveLength(3);
    now += GWS_VERDICT_TTL_MS - GWS_DENIAL_TTL_MS;
    await lookup(VALID_SESSION);
    expect(gws.received).toHaveLength(4);
  });

  it('reads the signed-in user from the session check and keeps it with the verdict', async () => {
    const authenticator = createAuthenticator(
      testConfig({ PROXY_AUTH: 'gws', GWS_URL: gws.url }),
      (input, init) => fetch(input, init),
    );
    const first = await authenticator.authenticate(requestWith({ cookie: VALID_SESSION }));
    const again = await authenticator.authenticate(requestWith({ cookie: VALID_SESSION }));
    expect(first).toEqual({ key: expect.stringMatching(/^session:[0-9a-f]{32}$/), user: SESSION_USER });
    expect(again).toEqual(first);
    expect(gws.received).toHaveLength(1);
  });

  it('asks GWS once for callers that arrive while it is being asked', async () => {
    const { app } = await setup(gwsEnv());
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.inject({ url: LOOKUP, headers: { cookie: VALID_SESSION } })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(gws.received).toHaveLength(1);
  });

  it.each([
    ['not JSON', '<html>not json</html>'],
    ['over 64 kB', JSON.stringify({ user: SESSION_USER, padding: 'x'.repeat(70_000) })],
  ])('accepts a session whose user resource is %s, without a user', async (_name, body) => {
    gws.meBody = body;
    const authenticator = createAuthenticator(
      testConfig({ PROXY_AUTH: 'gws', GWS_URL: gws.url }),
      (input, init) => fetch(input, init),
    );
    const principal = await authenticator.authenticate(requestWith({ cookie: VALID_SESSION }));
    expect(principal).toEqual({ key: expect.stringMatching(/^session:/) });
  });

  it('keeps a bounded number of verdicts', async () => {
    let asked = 0;
    const fetchFn: FetchLike = async () => {
      asked++;
      return new Response(JSON.stringify({ user: SESSION_USER }));
    };
    const verifier = new GwsSessionVerifier('http://gws.invalid', fetchFn, { maxVerdicts: 2, now: () => 0 });
    for (const cookie of ['JSESSIONID=1', 'JSESSIONID=2', 'JSESSIONID=1', 'JSESSIONID=3']) {
      expect(await verifier.verify(cookie)).toEqual({ ok: true, user: SESSION_USER });
    }
    expect(asked).toBe(3);
    await verifier.verify('JSESSIONID=1'); // kept: used after 2
    expect(asked).toBe(3);
    await verifier.verify('JSESSIONID=2'); // evicted by 3, as the least recently used
    expect(asked).toBe(4);
  });

  it('refuses a session GWS does not know', async () => {
    const { app, client } = await setup(gwsEnv());
    const response = await app.inject({ url: LOOKUP, headers: { cookie: 'JSESSIONID=forged' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    expect(client.calls).toHaveLength(0);
  });

  it('answers 502 when GWS cannot say', async () => {
    gws.status = 500;
    const { app } = await setup(gwsEnv());
    const response = await app.inject({ url: LOOKUP, headers: { cookie: VALID_SESSION } });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'upstream_error' });
  });

  it('answers 502 when GWS is unreachable, without naming it', async () => {
    const { app } = await setup({ PROXY_AUTH: 'gws', GWS_URL: `http://127.0.0.1:${await closedPort()}` });
    const response = await app.inject({ url: LOOKUP, headers: { cookie: VALID_SESSION } });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'upstream_unreachable' });
    expect(response.body).not.toContain('127.0.0.1');
  });
});

describe('the GWS user resource', () => {
  it('yields id, names and string roles', () => {
    expect(readGwsUser(JSON.stringify({ user: SESSION_USER }))).toEqual(SESSION_USER);
  });

  it.each([
    ['no user', {}],
    ['no id', { user: { userName: 'agent', roles: [] } }],
    ['an empty id', { user: { id: '' } }],
    ['a user that is not an object', { user: ['a'] }],
  ])('has no user with %s', (_name, body) => {
    expect(readGwsUser(JSON.stringify(body))).toBeUndefined();
  });

  it('tolerates odd fields: drops them and keeps the rest', () => {
    const body = {
      user: { id: 42, userName: 7.5, firstName: null, lastName: 'x'.repeat(257), roles: ['A', 1, {}, 'B'] },
    };
    expect(readGwsUser(JSON.stringify(body))).toEqual({ id: '42', roles: ['A', 'B'] });
    expect(readGwsUser(JSON.stringify({ user: { id: 'u', roles: 'ROLE_AGENT' } }))).toEqual({
      id: 'u',
      roles: [],
    });
    expect(readGwsUser('{"user":')).toBeUndefined();
  });
});

describe('PROXY_AUTH=token', () => {
  it('accepts the token', async () => {
    const { app } = await setup({});
    const response = await app.inject({
      url: LOOKUP,
      headers: { authorization: `Bearer ${TEST_PROXY_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['wrong', `Bearer ${TEST_PROXY_TOKEN}x`],
    ['prefix only', `Bearer ${TEST_PROXY_TOKEN.slice(0, 20)}`],
    ['other scheme', `Basic ${TEST_PROXY_TOKEN}`],
    ['empty', 'Bearer '],
  ])('refuses a %s token with 401 and no upstream call', async (_name, authorization) => {
    const { app, client } = await setup({});
    const response = await app.inject({ url: LOOKUP, headers: authorization ? { authorization } : {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    expect(response.body).not.toContain(TEST_PROXY_TOKEN);
    expect(client.calls).toHaveLength(0);
  });

  it('keys callers by token and address', async () => {
    const authenticator = createAuthenticator(testConfig(), fetch);
    const principal = await authenticator.authenticate(
      requestWith({ authorization: `Bearer ${TEST_PROXY_TOKEN}` }),
    );
    expect(principal).toEqual({ key: 'token:192.0.2.7' });
  });

  it('parses and compares tokens strictly', () => {
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(tokenMatches('a', 'a')).toBe(true);
    expect(tokenMatches('a', 'ab')).toBe(false);
  });
});

describe('PROXY_AUTH=none', () => {
  it('is refused at start-up without the simulator or the explicit flag', () => {
    expect(() => loadConfig(testEnv({ PROXY_AUTH: 'none' }))).toThrow(ConfigError);
    expect(() => loadConfig(testEnv({ PROXY_AUTH: 'none' }))).toThrow(/^PROXY_AUTH: /);
  });

  it('keys callers by address', async () => {
    const authenticator = createAuthenticator(
      testConfig({ PROXY_AUTH: 'none', SIMULATOR_CONTROL_URL: 'http://127.0.0.1:9/sim' }),
      fetch,
    );
    expect(await authenticator.authenticate(requestWith({}))).toEqual({ key: 'ip:192.0.2.7' });
  });

  it('lets anyone look up with the simulator', async () => {
    const { app } = await setup({ PROXY_AUTH: 'none', SIMULATOR_CONTROL_URL: 'http://127.0.0.1:9/sim' });
    expect((await app.inject({ url: LOOKUP })).statusCode).toBe(200);
  });
});

describe('routes outside the lookup', () => {
  it.each(['/api/config', '/healthz'])('%s needs no credentials', async (url) => {
    const { app } = await setup({});
    expect((await app.inject({ url })).statusCode).toBe(200);
  });
});
