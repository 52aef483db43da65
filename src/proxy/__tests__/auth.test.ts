import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { bearerToken, tokenMatches } from '../plugins/auth';
import { TEST_PROXY_TOKEN, testConfig, testEnv } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { FakeGws, VALID_SESSION } from './support/fake-gws';
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
});

async function setup(env: Record<string, string | undefined>) {
  const client = new FakeUniphoreClient();
  app = await buildApp(testConfig({ LOOKUP_CACHE_TTL_MS: '0', ...env }), {
    uniphoreClient: client,
    logger: false,
  });
  return { app, client };
}

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
