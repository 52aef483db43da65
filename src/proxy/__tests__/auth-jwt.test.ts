// PROXY_AUTH=jwt through the whole app: tokens signed by keys that a real local JWKS server publishes.
import type { FastifyInstance } from 'fastify';
import { base64url, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { JWKS_COOLDOWN_MS } from '../auth/jwt-verifier';
import { testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import {
  JwksServer,
  jwtEnv,
  type SigningKey,
  signingKey,
  signToken,
  TEST_AUDIENCE,
} from './support/jwks-server';
import { logCapture } from './support/uniphore-contract';
import { closedPort } from './support/uniphore-upstream';

const LOOKUP = '/api/uniphore/unique-id/dtmf/4567';
let jwks: JwksServer;
let key: SigningKey;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  jwks = await new JwksServer().start();
  key = await signingKey('key-1');
});
afterAll(async () => jwks.close());
beforeEach(() => {
  jwks.reset();
  jwks.keys = [key.jwk];
});
afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
  app = undefined;
});

async function setup(env: Record<string, string> = {}, logger: boolean | object = false) {
  await app?.close();
  const client = new FakeUniphoreClient();
  app = await buildApp(testConfig({ LOOKUP_CACHE_TTL_MS: '0', ...jwtEnv(jwks), ...env }), {
    uniphoreClient: client,
    logger,
  });
  return { app, client };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Asserts a 401 naming the failed check, with the invalid_token challenge and no upstream call. */
async function expectRefused(token: string, detail: RegExp) {
  const { app, client } = await setup();
  const response = await app.inject({ url: LOOKUP, headers: bearer(token) });
  expect(response.statusCode).toBe(401);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['www-authenticate']).toBe(
    'Bearer realm="uniphore-history-widget", error="invalid_token"',
  );
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  expect(response.json().detail).toMatch(detail);
  expect(response.body).not.toContain(token);
  expect(client.calls).toHaveLength(0);
}

describe('PROXY_AUTH=jwt', () => {
  it('accepts a token signed by a published key, fetching the key set once', async () => {
    const { app, client } = await setup();
    const token = await signToken(key);
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ url: LOOKUP, headers: bearer(token) })).statusCode).toBe(200);
    }
    expect(client.calls).toHaveLength(3);
    expect(jwks.fetches).toBe(1);
  });

  it('accepts RS256 and an audience list', async () => {
    const rsa = await signingKey('rsa-1', 'RS256');
    jwks.keys = [key.jwk, rsa.jwk];
    const { app } = await setup({ JWT_AUDIENCE: `other-app, ${TEST_AUDIENCE}` });
    const token = await signToken(rsa, { aud: ['someone-else', TEST_AUDIENCE] });
    expect((await app.inject({ url: LOOKUP, headers: bearer(token) })).statusCode).toBe(200);
  });

  it('tolerates clock skew up to JWT_CLOCK_TOLERANCE_S', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { app } = await setup({ JWT_CLOCK_TOLERANCE_S: '30' });
    const justExpired = await signToken(key, { exp: now - 10 });
    const almostValid = await signToken(key, { nbf: now + 10 });
    expect((await app.inject({ url: LOOKUP, headers: bearer(justExpired) })).statusCode).toBe(200);
    expect((await app.inject({ url: LOOKUP, headers: bearer(almostValid) })).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await signToken(key, { iat: now - 600, exp: now - 60 }), /expired/);
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(await signToken(key, { nbf: Math.floor(Date.now() / 1000) + 120 }), /not valid yet/);
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(await signToken(key, { iss: 'https://evil.example.test/auth' }), /issuer/);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await signToken(key, { aud: 'another-app' }), /audience/);
  });

  it('refuses a token without exp, or without sub', async () => {
    await expectRefused(await signToken(key, { exp: undefined }), /no exp claim/);
    await expectRefused(await signToken(key, { sub: undefined }), /no sub claim/);
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const impostor = await signingKey('key-1');
    await expectRefused(await signToken(impostor), /signature/);
  });

  it('refuses an unknown kid after one refetch of the key set, and not more often than the cooldown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { app } = await setup();
    expect((await app.inject({ url: LOOKUP, headers: bearer(await signToken(key)) })).statusCode).toBe(200);
    expect(jwks.fetches).toBe(1);
    vi.setSystemTime(Date.now() + JWKS_COOLDOWN_MS + 1000);
    const stranger = await signingKey('key-unknown');
    const token = await signToken(stranger);
    const first = await app.inject({ url: LOOKUP, headers: bearer(token) });
    expect(first.statusCode).toBe(401);
    expect(first.json().detail).toMatch(/no key in the issuer's key set/);
    expect(jwks.fetches).toBe(2);
    // Made-up kids right after a fetch do not reach the issuer again.
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: LOOKUP, headers: bearer(token) })).statusCode).toBe(401);
    }
    expect(jwks.fetches).toBe(2);
  });

  it('follows a key rotation: the new key is fetched on its first token, the old one refused once gone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { app } = await setup();
    const oldToken = await signToken(key);
    expect((await app.inject({ url: LOOKUP, headers: bearer(oldToken) })).statusCode).toBe(200);

    // The issuer publishes a new key and stops publishing the old one.
    const next = await signingKey('key-2');
    jwks.keys = [next.jwk];
    vi.setSystemTime(Date.now() + JWKS_COOLDOWN_MS + 1000);
    const newToken = await signToken(next);
    expect((await app.inject({ url: LOOKUP, headers: bearer(newToken) })).statusCode).toBe(200);
    expect(jwks.fetches).toBe(2);

    const stale = await app.inject({ url: LOOKUP, headers: bearer(oldToken) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().detail).toMatch(/no key in the issuer's key set/);
  });

  it('refuses alg none without fetching any key', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      iss: 'https://auth.example.test/auth',
      aud: TEST_AUDIENCE,
      sub: 'agent-1',
      exp: now + 300,
    })}.`;
    await expectRefused(unsigned, /algorithm is not accepted/);
    expect(jwks.fetches).toBe(0);
  });

  it('refuses HS256 signed with the public key material (algorithm confusion)', async () => {
    const rsa = await signingKey('rsa-1', 'RS256');
    jwks.keys = [rsa.jwk];
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({
      iss: 'https://auth.example.test/auth',
      aud: TEST_AUDIENCE,
      sub: 'agent-1',
      exp: now + 300,
    })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .sign(new TextEncoder().encode(JSON.stringify(rsa.jwk)));
    await expectRefused(forged, /algorithm is not accepted/);
  });

  it('asks for a token when there is none, and refuses a garbled one', async () => {
    const { app, client } = await setup();
    for (const headers of [{}, { authorization: 'Basic YWdlbnQ6cHc=' }]) {
      const response = await app.inject({ url: LOOKUP, headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="uniphore-history-widget"');
      expect(response.json().detail).toBe('Authorization: Bearer <JWT> is required');
    }
    for (const authorization of ['Bearer', 'Bearer a b', 'Bearer not-a-jwt', 'Bearer a.b.c', 'Bearer ..']) {
      const response = await app.inject({ url: LOOKUP, headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      expect(response.json().code).toBe('unauthenticated');
    }
    expect(client.calls).toHaveLength(0);
    expect(jwks.fetches).toBe(0);
  });

  it.each([
    ['unreachable', 502, 'upstream_unreachable'],
    ['failing (HTTP 500)', 502, 'upstream_error'],
    ['not a key set', 502, 'upstream_bad_response'],
  ] as const)('answers a key set that is %s with %i %s, not 401', async (scenario, status, code) => {
    const env: Record<string, string> = {};
    if (scenario === 'unreachable') env.JWT_JWKS_URL = `http://127.0.0.1:${await closedPort()}/jwks`;
    if (scenario === 'failing (HTTP 500)') jwks.status = 500;
    if (scenario === 'not a key set') jwks.body = '<html>maintenance</html>';
    const { app, client } = await setup(env);
    const response = await app.inject({ url: LOOKUP, headers: bearer(await signToken(key)) });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ status, code });
    expect(response.body).not.toContain('127.0.0.1');
    expect(client.calls).toHaveLength(0);
  });

  it('counts the rate limit per subject, not per address', async () => {
    const { app } = await setup({ RATE_LIMIT_PER_MINUTE: '2' });
    const alice = bearer(await signToken(key, { sub: 'alice' }));
    const bob = bearer(await signToken(key, { sub: 'bob' }));
    const statuses = async (headers: Record<string, string>) => {
      const result: number[] = [];
      for (let i = 0; i < 3; i++) result.push((await app.inject({ url: LOOKUP, headers })).statusCode);
      return result;
    };
    expect(await statuses(alice)).toEqual([200, 200, 429]);
    // Same address, another subject: a budget of its own.
    expect(await statuses(bob)).toEqual([200, 200, 429]);
    // A fresh token for alice is still alice.
    const aliceAgain = bearer(await signToken(key, { sub: 'alice', jti: 'second' }));
    expect((await app.inject({ url: LOOKUP, headers: aliceAgain })).statusCode).toBe(429);
  });

  it('guards the framing route the same way', async () => {
    const { app } = await setup();
    const url = `/api/history/framing?url=${encodeURIComponent('https://elsewhere.example.test/')}`;
    expect((await app.inject({ url })).statusCode).toBe(401);
    // Past authentication, the route's own check answers.
    const response = await app.inject({ url, headers: bearer(await signToken(key)) });
    expect(response.statusCode).toBe(400);
  });

  it('never writes a token into a log line or a response', async () => {
    const logs = logCapture();
    const { app } = await setup({ LOG_LEVEL: 'trace' }, { level: 'trace', stream: logs.stream });
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      await signToken(key),
      await signToken(key, { exp: now - 3600 }),
      await signToken(key, { iss: 'https://evil.example.test' }),
      await signToken(await signingKey('key-unknown')),
    ];
    const bodies: string[] = [];
    for (const token of tokens) {
      const response = await app.inject({ url: LOOKUP, headers: bearer(token) });
      bodies.push(JSON.stringify(response.headers), response.body);
    }
    app.log.info({ req: { headers: bearer(tokens[0]!) } }, 'probe');
    expect(logs.lines.length).toBeGreaterThan(8);
    for (const token of tokens) {
      // Neither the token nor its signature part, whatever the outcome.
      const signature = token.split('.')[2]!;
      for (const text of [...bodies, ...logs.lines]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(signature);
      }
    }
  });
});
