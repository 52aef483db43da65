// Two (or three) replicas of the proxy on one real redis-server: the team feed, the lookup cache and
// single-flight, and the rate limits are shared; with Redis stopped every replica goes on alone and
// says so, and with Redis back everything is shared again by itself.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/pop-feed';
import type { Env } from '../../__tests__/support/env';
import { testConfig } from '../../__tests__/support/env';
import { FakeUniphoreClient } from '../../__tests__/support/fake-client';
import { AGENT_SESSION, AGENT_USER, FakeGws, VALID_SESSION } from '../../__tests__/support/fake-gws';
import { report } from '../../__tests__/support/pop-report';
import { RedisServer } from '../../__tests__/support/redis-server';
import { SseClient } from '../../__tests__/support/sse-client';
import { buildApp } from '../../app';
import type { LookupOutcome } from '../../uniphore/client';

let gws: FakeGws;
let redis: RedisServer;
const apps: FastifyInstance[] = [];
const clients: SseClient[] = [];

beforeAll(async () => {
  gws = await new FakeGws().start();
});
afterAll(() => gws.close());
beforeEach(async () => {
  redis = await new RedisServer().start();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await redis.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function replica(client: FakeUniphoreClient, env: Env = {}) {
  const app = await buildApp(
    testConfig({
      PROXY_AUTH: 'gws',
      GWS_URL: gws.url,
      REDIS_URL: redis.url,
      LOOKUP_CACHE_TTL_MS: '30000',
      ...env,
    }),
    { logger: false, uniphoreClient: client },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

async function watch(base: string, headers: Record<string, string> = {}) {
  const client = await new SseClient(`${base}/api/pops/stream`, { cookie: VALID_SESSION, ...headers }).open();
  clients.push(client);
  await client.until((c) => c.states.length > 0, 5_000, 'the first status');
  return client;
}

const pop = async (app: FastifyInstance, callId: string) => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/pops',
    headers: { cookie: AGENT_SESSION, 'content-type': 'application/json' },
    payload: report({ callId }),
  });
  expect(response.statusCode).toBe(202);
  return (response.json() as { id: string }).id;
};

const lookup = (app: FastifyInstance, value = '4567') =>
  app.inject({ url: `/api/uniphore/unique-id/dtmf/${value}`, headers: { cookie: AGENT_SESSION } });

/** A Uniphore that takes its time, so concurrent lookups really overlap. */
const slowUniphore = (outcome: LookupOutcome = { kind: 'found', uniqueId: 'uid-42', upstreamStatus: 200 }) =>
  new FakeUniphoreClient(async () => {
    await sleep(150);
    return outcome;
  });

describe('the team feed through Redis', () => {
  it("delivers a report made on one replica to another replica's supervisors, under the stream's id", async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore);
    const b = await replica(uniphore);
    const onB = await watch(b.base);
    expect(onB.states).toEqual(['live']);
    const id = await pop(a.app, 'call-a');
    await onB.until((c) => c.pops.length === 1, 2_000, 'the pop on B');
    const entry = onB.pops[0]?.data as FeedEntry;
    expect(entry.id).toBe(id);
    expect(onB.pops[0]?.id).toBe(id);
    expect(entry.agent.id).toBe(AGENT_USER.id);
    expect(entry.pop.callId).toBe('call-a');
  });

  it('resumes on another replica from a Last-Event-ID given by the first, without duplicates', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore);
    const ids = [];
    for (let i = 1; i <= 4; i++) ids.push(await pop(a.app, `c${i}`));
    // B starts later: it reads the stream's backlog.
    const b = await replica(uniphore);
    const resumed = await watch(b.base, { 'last-event-id': ids[1] ?? '' });
    await resumed.until((c) => c.pops.length === 2, 3_000, 'the two pops after the id');
    ids.push(await pop(a.app, 'c5'));
    await resumed.until((c) => c.pops.length === 3, 3_000, 'the new pop');
    await sleep(100);
    expect(resumed.pops.map((event) => event.id)).toEqual(ids.slice(2));
  });

  it('keeps the stream capped near FEED_BACKLOG and replays exactly FEED_BACKLOG', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { FEED_BACKLOG: '5' });
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await pop(a.app, `c${i}`));
    const b = await replica(uniphore, { FEED_BACKLOG: '5' });
    const fresh = await watch(b.base);
    await fresh.until((c) => c.pops.length === 5, 3_000, 'five pops');
    await sleep(100);
    expect(fresh.pops.map((event) => event.id)).toEqual(ids.slice(-5));
    const { Redis } = await import('ioredis');
    const direct = new Redis(redis.url);
    // Approximate trimming (MAXLEN ~) keeps whole nodes: near the bound, far from all 30.
    expect(await direct.xlen('uhw:feed')).toBeLessThan(30);
    expect(await direct.pttl('uhw:feed')).toBeGreaterThan(0);
    direct.disconnect();
  });
});

describe('the lookup cache and single-flight through Redis', () => {
  it('makes 10 concurrent identical lookups on two replicas one upstream call, and a third replica none', async () => {
    const uniphore = slowUniphore();
    const a = await replica(uniphore);
    const b = await replica(uniphore);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => lookup(i % 2 ? a.app : b.app)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(answers.map((r) => r.json().uniqueId)).toEqual(Array(10).fill('uid-42'));
    expect(uniphore.calls).toHaveLength(1);
    const c = await replica(uniphore);
    expect((await lookup(c.app)).json().uniqueId).toBe('uid-42');
    expect(uniphore.calls).toHaveLength(1);
  });

  it('stores found ids under a hash, with a TTL, never the value or the Application-Key', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { LOOKUP_CACHE_TTL_MS: '20000' });
    await lookup(a.app, '987654');
    const { Redis } = await import('ioredis');
    const direct = new Redis(redis.url);
    const keys = await direct.keys('*');
    const cached = keys.filter((key) => key.startsWith('uhw:lookup:'));
    expect(cached).toHaveLength(1);
    const ttl = await direct.pttl(cached[0] ?? '');
    expect(ttl).toBeGreaterThan(15_000);
    expect(ttl).toBeLessThanOrEqual(20_000);
    const everything = JSON.stringify([keys, await Promise.all(keys.map((key) => direct.type(key)))]);
    const values = await Promise.all(cached.map((key) => direct.get(key)));
    for (const text of [everything, ...values]) {
      expect(text).not.toContain('987654');
      expect(text).not.toContain('APPKEY');
    }
    direct.disconnect();
  });

  it('never stores misses, but replicas waiting on one get it', async () => {
    const uniphore = slowUniphore({ kind: 'not_found', upstreamStatus: 404 });
    const a = await replica(uniphore);
    const b = await replica(uniphore);
    const answers = await Promise.all([lookup(a.app), lookup(b.app)]);
    expect(answers.map((r) => r.statusCode)).toEqual([404, 404]);
    expect(uniphore.calls).toHaveLength(1);
    await lookup(b.app);
    expect(uniphore.calls).toHaveLength(2);
  });
});

describe('rate limits through Redis', () => {
  it('count across replicas', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { RATE_LIMIT_PER_MINUTE: '3', LOOKUP_CACHE_TTL_MS: '0' });
    const b = await replica(uniphore, { RATE_LIMIT_PER_MINUTE: '3', LOOKUP_CACHE_TTL_MS: '0' });
    const statuses = [];
    for (const app of [a.app, b.app, a.app, b.app]) statuses.push((await lookup(app)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('Redis stopped, then back', () => {
  it('lookups go on, the feed is degraded but this replica still delivers, readyz says down; then all is live again', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { RATE_LIMIT_PER_MINUTE: '1000', UNIPHORE_URL: gws.url });
    const b = await replica(uniphore, { UNIPHORE_URL: gws.url });
    const onA = await watch(a.base);
    const onB = await watch(b.base);
    expect((await a.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok', redis: 'up' });

    await redis.stop();
    await onA.until((c) => c.states.at(-1) === 'degraded', 3_000, 'degraded on A');
    await onB.until((c) => c.states.at(-1) === 'degraded', 3_000, 'degraded on B');
    const started = performance.now();
    const found = await lookup(a.app, '1111');
    expect(found.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    const ready = await a.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', redis: 'down' });
    const localId = await pop(a.app, 'during-outage');
    await onA.until((c) => c.pops.some((event) => event.id === localId), 2_000, 'the local pop on A');
    expect(onB.pops).toEqual([]);

    await redis.start();
    await onA.until((c) => c.states.at(-1) === 'live', 5_000, 'live again on A');
    await onB.until((c) => c.states.at(-1) === 'live', 5_000, 'live again on B');
    expect((await a.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok', redis: 'up' });
    const sharedId = await pop(a.app, 'after-outage');
    await onB.until((c) => c.pops.some((event) => event.id === sharedId), 3_000, 'the shared pop on B');
    // Shared again: a found id is stored for the other replica.
    const before = uniphore.calls.length;
    await lookup(a.app, '2222');
    await lookup(b.app, '2222');
    expect(uniphore.calls.length - before).toBe(1);
  });

  it('a Redis that hangs costs one command timeout, then lookups and reports skip it until it answers again', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { LOOKUP_CACHE_TTL_MS: '0', UNIPHORE_URL: gws.url });
    const onA = await watch(a.base);
    redis.pause();
    const timings: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      expect((await lookup(a.app, `77${i}`)).statusCode).toBe(200);
      timings.push(performance.now() - started);
    }
    // The first lookup waits out the rate limiter's command (500 ms), the rest do not wait at all.
    expect(timings[0]).toBeLessThan(1_500);
    for (const ms of timings.slice(1)) expect(ms).toBeLessThan(200);
    await onA.until((c) => c.states.at(-1) === 'degraded', 2_000, 'degraded');
    const started = performance.now();
    const id = await pop(a.app, 'while-hung');
    expect(performance.now() - started).toBeLessThan(200);
    await onA.until((c) => c.pops.some((event) => event.id === id), 2_000, 'the local pop');
    expect((await a.app.inject({ url: '/readyz' })).json()).toMatchObject({ redis: 'down' });
    redis.resume();
    await onA.until((c) => c.states.at(-1) === 'live', 5_000, 'live again');
    expect((await a.app.inject({ url: '/readyz' })).json()).toMatchObject({ redis: 'up' });
  }, 15_000);

  it('limits still apply, per replica, while Redis is down', async () => {
    const uniphore = new FakeUniphoreClient();
    const a = await replica(uniphore, { RATE_LIMIT_PER_MINUTE: '2', LOOKUP_CACHE_TTL_MS: '0' });
    await redis.stop();
    await sleep(100);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await lookup(a.app)).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('a replica that starts while Redis is down serves at once and joins when Redis comes', async () => {
    await redis.stop();
    const uniphore = new FakeUniphoreClient();
    const started = performance.now();
    const a = await replica(uniphore, { UNIPHORE_URL: gws.url });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect((await lookup(a.app)).statusCode).toBe(200);
    const onA = await watch(a.base);
    expect(onA.states).toEqual(['degraded']);
    await redis.start();
    await onA.until((c) => c.states.at(-1) === 'live', 5_000, 'live');
  });
});
