import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { Metrics } from '../metrics/metrics';
import type { FetchLike, LookupOutcome } from '../uniphore/client';
import { authHeader, type Env, TEST_PROXY_TOKEN, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { sampleValue } from './support/prometheus-text';

const METRICS_TOKEN = 'METRICS-0123456789abcdef0123456789abcdef';
const LOOKUP = '/api/uniphore/unique-id';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Uniphore answers by value: `found-*` and `slow` are found, `broken` is a 500, anything else a miss. */
function scriptedUniphore(gate: Promise<void>) {
  return new FakeUniphoreClient(async (_attribute, value): Promise<LookupOutcome> => {
    if (value === 'slow') await gate;
    if (value.startsWith('found') || value === 'slow') {
      return { kind: 'found', uniqueId: `uid-${value}`, upstreamStatus: 200 };
    }
    if (value === 'broken') return { kind: 'upstream_error', upstreamStatus: 500, detail: 'HTTP 500' };
    return { kind: 'not_found', upstreamStatus: 404 };
  });
}

/** The readiness probe's upstream: any answer counts as reachable. */
const reachable: FetchLike = async () => new Response('', { status: 404 });

async function setup(env: Env = {}) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const client = scriptedUniphore(gate);
  app = await buildApp(
    testConfig({ METRICS_TOKEN, LOOKUP_CACHE_TTL_MS: '60000', RATE_LIMIT_PER_MINUTE: '2', ...env }),
    { uniphoreClient: client, fetch: reachable, logger: false, metrics: new Metrics() },
  );
  return { app, client, release };
}

let address = 0;
/** Each scripted lookup comes from its own address, so only the burst below meets the rate limit. */
const lookup = (target: FastifyInstance, path: string, remoteAddress = `192.0.2.${++address}`) =>
  target.inject({ url: `${LOOKUP}/${path}`, headers: authHeader, remoteAddress });

const scrape = (target: FastifyInstance, token = METRICS_TOKEN) =>
  target.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });

describe('GET /metrics after a scripted set of lookups', () => {
  it('counts lookups, cache results, upstream calls and 429s', async () => {
    const { app, client, release } = await setup();
    expect((await lookup(app, 'dtmf/found-1')).statusCode).toBe(200); // miss → found
    expect((await lookup(app, 'dtmf/found-1')).statusCode).toBe(200); // cache hit
    expect((await lookup(app, 'dtmf/nobody')).statusCode).toBe(404); // miss → not found
    expect((await lookup(app, 'callReturn/broken')).statusCode).toBe(502); // miss → upstream 500
    expect((await lookup(app, 'ani/1')).statusCode).toBe(400); // refused input, no attribute
    // Three identical lookups while Uniphore is slow: one asks, two join it.
    const slow = [1, 2, 3].map(() => lookup(app, 'clickToCall/slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect((await Promise.all(slow)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    // One client over its limit of 2 per minute: two cache hits, then a 429.
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push((await lookup(app, 'dtmf/found-1', '198.51.100.7')).statusCode);
    expect(burst).toEqual([200, 200, 429]);
    expect(client.calls).toHaveLength(4);

    const response = await scrape(app);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body;
    const lookups = (attribute: string, outcome: string) =>
      sampleValue(body, 'uhw_lookups_total', { attribute, transport: 'rest', outcome });
    expect(lookups('dtmf', 'found')).toBe(4);
    expect(lookups('dtmf', 'not_found')).toBe(1);
    expect(lookups('callReturn', 'upstream_error')).toBe(1);
    expect(lookups('clickToCall', 'found')).toBe(3);
    expect(lookups('none', 'invalid_attribute')).toBe(1);
    const cache = (result: string) => sampleValue(body, 'uhw_lookup_cache_requests_total', { result });
    expect([cache('hit'), cache('miss'), cache('coalesced')]).toEqual([3, 4, 2]);
    const upstream = (outcome: string) =>
      sampleValue(body, 'uhw_uniphore_requests_total', { transport: 'rest', outcome });
    expect([upstream('found'), upstream('not_found'), upstream('upstream_error')]).toEqual([2, 1, 1]);
    expect(sampleValue(body, 'uhw_uniphore_request_duration_seconds_count', { transport: 'rest' })).toBe(4);
    // The slow one waited ≥ 50 ms upstream; the others answered at once.
    expect(
      sampleValue(body, 'uhw_uniphore_request_duration_seconds_bucket', { transport: 'rest', le: '0.025' }),
    ).toBe(3);
    expect(sampleValue(body, 'uhw_rate_limited_total', { route: 'lookup' })).toBe(1);
    expect(sampleValue(body, 'uhw_ready')).toBe(1);
    // Nothing a caller sent becomes a label.
    for (const value of ['found-1', 'nobody', 'broken', 'slow', '198.51.100.7']) {
      expect(body).not.toContain(value);
    }
  });

  it('is refused without the token or with a wrong one, and never confused with the lookup token', async () => {
    const { app } = await setup();
    const missing = await app.inject({ url: '/metrics' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).not.toContain('uhw_');
    const wrong = await scrape(app, `${METRICS_TOKEN.slice(0, -1)}X`);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('uhw_');
    expect((await scrape(app, TEST_PROXY_TOKEN)).statusCode).toBe(401);
  });

  it('is not on the main port at all without METRICS_TOKEN', async () => {
    const { app } = await setup({ METRICS_TOKEN: undefined });
    for (const headers of [{}, { authorization: `Bearer ${METRICS_TOKEN}` }]) {
      const response = await app.inject({ url: '/metrics', headers });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });
});

describe('settings', () => {
  it('refuses a METRICS_TOKEN that is the lookup token, or too short', () => {
    expect(() => testConfig({ METRICS_TOKEN: TEST_PROXY_TOKEN })).toThrow(
      /METRICS_TOKEN: must differ from PROXY_TOKEN/,
    );
    expect(() => testConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be 32\.\.512/);
  });

  it('refuses a METRICS_PORT that is the main port', () => {
    expect(() => testConfig({ PORT: '9000', METRICS_PORT: '9000' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
    expect(testConfig({ METRICS_PORT: '9464' }).metrics).toMatchObject({ port: 9464, host: '127.0.0.1' });
  });
});
