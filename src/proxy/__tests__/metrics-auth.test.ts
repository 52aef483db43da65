// The authenticators' metrics through the whole app: GWS session checks against a fake GWS on a
// real socket, JWT verifications against a real local JWKS server.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { Metrics } from '../metrics/metrics';
import { type Env, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { FakeGws, VALID_SESSION } from './support/fake-gws';
import { JwksServer, jwtEnv, signingKey, signToken } from './support/jwks-server';
import { sampleValue } from './support/prometheus-text';

const LOOKUP = '/api/uniphore/unique-id/dtmf/4567';
let gws: FakeGws;
let jwks: JwksServer;
let app: FastifyInstance | undefined;
beforeAll(async () => {
  gws = await new FakeGws().start();
  jwks = await new JwksServer().start();
});
afterAll(async () => {
  await gws.close();
  await jwks.close();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  gws.status = 200;
  gws.received.length = 0;
  jwks.reset();
});

async function setup(env: Env) {
  const metrics = new Metrics();
  app = await buildApp(testConfig({ LOOKUP_CACHE_TTL_MS: '0', ...env }), {
    uniphoreClient: new FakeUniphoreClient(),
    logger: false,
    metrics,
  });
  return { app, scrape: () => metrics.registry.metrics() };
}

describe('authentication metrics', () => {
  it('counts GWS session checks by verdict, and the callers answered from the verdict cache', async () => {
    const { app, scrape } = await setup({ PROXY_AUTH: 'gws', GWS_URL: gws.url });
    const lookup = (cookie: string) => app.inject({ url: LOOKUP, headers: { cookie } });
    expect((await lookup(VALID_SESSION)).statusCode).toBe(200); // asked: valid
    expect((await lookup(VALID_SESSION)).statusCode).toBe(200); // cached
    expect((await lookup('JSESSIONID=forged')).statusCode).toBe(401); // asked: invalid
    gws.status = 500;
    expect((await lookup('JSESSIONID=other')).statusCode).toBe(502); // asked: GWS could not say
    const twice = await Promise.all([lookup('JSESSIONID=x'), lookup('JSESSIONID=x')]); // one asks, one joins
    expect(twice.map((r) => r.statusCode)).toEqual([502, 502]);
    const body = await scrape();
    const checks = (verdict: string) => sampleValue(body, 'uhw_gws_session_checks_total', { verdict });
    expect([checks('valid'), checks('invalid'), checks('error')]).toEqual([1, 1, 2]);
    const cache = (result: string) => sampleValue(body, 'uhw_gws_session_cache_requests_total', { result });
    expect([cache('hit'), cache('miss'), cache('coalesced')]).toEqual([1, 4, 1]);
    expect(gws.received).toHaveLength(4);
  });

  it('counts JWT verifications by outcome, the key set’s outage apart', async () => {
    const key = await signingKey('key-1');
    jwks.keys = [key.jwk];
    const { app, scrape } = await setup(jwtEnv(jwks));
    const lookup = (headers: Record<string, string>) => app.inject({ url: LOOKUP, headers });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await lookup(bearer(await signToken(key)))).statusCode).toBe(200);
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await lookup(bearer(await signToken(key, { exp: past, iat: past - 60 })))).statusCode).toBe(401);
    expect((await lookup(bearer(await signToken(key, { aud: 'someone-else' })))).statusCode).toBe(401);
    expect(await lookup(bearer('not.a.jwt'))).toMatchObject({ statusCode: 401 });
    expect((await lookup({})).statusCode).toBe(401);
    const body = await scrape();
    const outcome = (name: string) => sampleValue(body, 'uhw_jwt_verifications_total', { outcome: name });
    expect(outcome('valid')).toBe(1);
    expect(outcome('expired')).toBe(1);
    expect(outcome('audience')).toBe(1);
    expect(outcome('malformed')).toBe(1);
    expect(outcome('missing')).toBe(1);
    expect(outcome('keys_unavailable')).toBeUndefined();
  });

  it('counts a key set out of reach as such, not as a bad token', async () => {
    jwks.status = 500;
    const key = await signingKey('key-1');
    const { app, scrape } = await setup(jwtEnv(jwks));
    const response = await app.inject({
      url: LOOKUP,
      headers: { authorization: `Bearer ${await signToken(key)}` },
    });
    expect(response.statusCode).toBe(502);
    const body = await scrape();
    expect(sampleValue(body, 'uhw_jwt_verifications_total', { outcome: 'keys_unavailable' })).toBe(1);
    expect(sampleValue(body, 'uhw_jwt_verifications_total', { outcome: 'valid' })).toBeUndefined();
  });
});
