import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { authHeader, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { FakeGws, VALID_SESSION } from './support/fake-gws';

let app: FastifyInstance | undefined;
let gws: FakeGws;
beforeAll(async () => {
  gws = await new FakeGws().start();
});
afterAll(async () => gws.close());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('rate limit', () => {
  it('answers 429 rate_limited past RATE_LIMIT_PER_MINUTE, without calling upstream', async () => {
    const client = new FakeUniphoreClient();
    app = await buildApp(testConfig({ RATE_LIMIT_PER_MINUTE: '3', LOOKUP_CACHE_TTL_MS: '0' }), {
      uniphoreClient: client,
      logger: false,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await app.inject({ url: `/api/uniphore/unique-id/dtmf/${i}`, headers: authHeader })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject({ url: '/api/uniphore/unique-id/dtmf/9', headers: authHeader });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['cache-control']).toBe('no-store');
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(client.calls).toHaveLength(3);
    // Other routes are not limited.
    expect((await app.inject({ url: '/api/config' })).statusCode).toBe(200);
  });

  it('counts per GWS session', async () => {
    app = await buildApp(testConfig({ RATE_LIMIT_PER_MINUTE: '1', PROXY_AUTH: 'gws', GWS_URL: gws.url }), {
      uniphoreClient: new FakeUniphoreClient(),
      logger: false,
    });
    const lookup = (cookie: string) =>
      app!.inject({ url: '/api/uniphore/unique-id/dtmf/1', headers: { cookie } });
    expect((await lookup(VALID_SESSION)).statusCode).toBe(200);
    expect((await lookup(VALID_SESSION)).statusCode).toBe(429);
    // Same session with other cookies around it: still the same client.
    expect((await lookup(`a=1; ${VALID_SESSION}`)).statusCode).toBe(429);
  });
});
