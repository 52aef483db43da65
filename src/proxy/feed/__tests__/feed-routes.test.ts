// POST /api/pops and GET /api/pops/stream on one replica (no Redis): the report schema, who the
// agent is, who may watch, the SSE framing, the backlog and Last-Event-ID, and a quick shutdown.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/pop-feed';
import { authHeader, type Env, testConfig } from '../../__tests__/support/env';
import { FakeUniphoreClient } from '../../__tests__/support/fake-client';
import {
  AGENT_SESSION,
  AGENT_USER,
  FakeGws,
  SESSION_USER,
  VALID_SESSION,
} from '../../__tests__/support/fake-gws';
import { JwksServer, jwtEnv, signingKey, signToken } from '../../__tests__/support/jwks-server';
import { listeningProxy } from '../../__tests__/support/listening-proxy';
import { report } from '../../__tests__/support/pop-report';
import { SseClient } from '../../__tests__/support/sse-client';
import { buildApp } from '../../app';
import { REPORT_BODY_LIMIT_BYTES } from '../feed-routes';

let gws: FakeGws;
const apps: FastifyInstance[] = [];
const clients: SseClient[] = [];
beforeAll(async () => {
  gws = await new FakeGws().start();
});
afterAll(() => gws.close());
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const gwsEnv = (env: Env = {}): Env => ({ PROXY_AUTH: 'gws', GWS_URL: gws.url, ...env });

async function app(env: Env) {
  const built = await buildApp(testConfig(env), { logger: false, uniphoreClient: new FakeUniphoreClient() });
  apps.push(built);
  return built;
}

async function listening(env: Env) {
  const proxy = await listeningProxy(env);
  apps.push(proxy.app);
  return { ...proxy, base: `http://127.0.0.1:${proxy.port}` };
}

const post = (
  target: FastifyInstance,
  body: unknown,
  headers: Record<string, string> = { cookie: AGENT_SESSION },
) =>
  target.inject({
    method: 'POST',
    url: '/api/pops',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function stream(base: string, headers: Record<string, string> = { cookie: VALID_SESSION }) {
  const client = await new SseClient(`${base}/api/pops/stream`, headers).open();
  clients.push(client);
  return client;
}

describe('POST /api/pops', () => {
  it('accepts a PopReport with 202 and the event id, the agent taken from the session', async () => {
    const { app: proxy, base } = await listening(gwsEnv());
    const watcher = await stream(base);
    const response = await post(proxy, report());
    expect(response.statusCode).toBe(202);
    expect(response.headers['cache-control']).toBe('no-store');
    const { id } = response.json() as { id: string };
    expect(id).toMatch(/^\d+-\d+$/);
    await watcher.until((c) => c.pops.length === 1);
    const entry = watcher.pops[0]?.data as FeedEntry;
    expect(entry).toMatchObject({ id, pop: report() });
    expect(entry.agent).toEqual({
      id: AGENT_USER.id,
      userName: AGENT_USER.userName,
      firstName: AGENT_USER.firstName,
      lastName: AGENT_USER.lastName,
    });
    expect(entry.reportedAt).toBeGreaterThan(0);
  });

  it.each([
    ['another agent in the body', { ...report(), agent: { id: 'someone-else', firstName: 'Mallory' } }],
    ['an unknown property', { ...report(), extra: 1 }],
    ['an unknown outcome', report({ outcome: 'shown' as never })],
    ['a missing callId', { ...report(), callId: undefined }],
    ['a negative time', report({ timings: { totalMs: -1 } })],
    ['an unknown timing', { ...report(), timings: { totalMs: 1, at: 2 } }],
    ['a bad attribute', report({ attribute: 'email' as never })],
    ['an array', [report()]],
    [
      'a history page on another site',
      report({ historyUrl: 'https://evil.example/interact/history/uid-1?view=agent' }),
    ],
    [
      'the history page of another id',
      report({ historyUrl: 'https://history.example.test/interact/history/uid-2?view=agent' }),
    ],
    [
      'a history page without its uniqueId',
      report({
        uniqueId: undefined,
        historyUrl: 'https://history.example.test/interact/history/uid-1?view=agent',
      }),
    ],
  ])('refuses %s with 400 invalid_report and records nothing', async (_name, body) => {
    const { app: proxy, base } = await listening(gwsEnv());
    const response = await post(proxy, body);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid_report' });
    const watcher = await stream(base);
    await watcher.until((c) => c.states.length === 1);
    expect(watcher.pops).toEqual([]);
  });

  it('accepts the configured history page of the report’s uniqueId', async () => {
    const proxy = await app(gwsEnv());
    const historyUrl = 'https://history.example.test/interact/history/uid-1?view=agent';
    expect((await post(proxy, report({ historyUrl }))).statusCode).toBe(202);
  });

  it('refuses bodies that are not JSON, or too large', async () => {
    const proxy = await app(gwsEnv());
    const notJson = await post(proxy, '{"callId":');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'invalid_report' });
    const text = await proxy.inject({
      method: 'POST',
      url: '/api/pops',
      headers: { 'content-type': 'text/plain', cookie: AGENT_SESSION },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'invalid_report' });
    const large = await post(
      proxy,
      report({ historyUrl: `https://history.example.test/${'x'.repeat(REPORT_BODY_LIMIT_BYTES)}` }),
    );
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('needs the same authentication as the lookup route', async () => {
    const proxy = await app(gwsEnv());
    const response = await post(proxy, report(), {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    const tokenProxy = await app({});
    expect((await post(tokenProxy, report(), {})).statusCode).toBe(401);
  });

  it('names a caller without a known user by its principal key; with PROXY_AUTH=token nobody may watch', async () => {
    const open = await listening({ PROXY_AUTH: 'none', SIMULATOR_CONTROL_URL: 'http://127.0.0.1:1/sim' });
    const watcher = await stream(open.base, {});
    expect((await post(open.app, report(), {})).statusCode).toBe(202);
    await watcher.until((c) => c.pops.length === 1);
    expect(watcher.pops[0]?.data).toMatchObject({ agent: { id: 'ip:127.0.0.1' } });

    const token = await listening({});
    expect((await post(token.app, report(), authHeader)).statusCode).toBe(202);
    const refused = await token.app.inject({ url: '/api/pops/stream', headers: authHeader });
    expect(refused.statusCode).toBe(403);
  });

  it('limits reports per caller, apart from its lookups', async () => {
    const proxy = await app(gwsEnv({ RATE_LIMIT_PER_MINUTE: '2' }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(proxy, report())).statusCode);
    expect(statuses).toEqual([202, 202, 429]);
    const lookup = await proxy.inject({
      url: '/api/uniphore/unique-id/dtmf/1',
      headers: { cookie: AGENT_SESSION },
    });
    expect(lookup.statusCode).toBe(200);
  });
});

describe('GET /api/pops/stream', () => {
  it('is for supervisors: 401 without a session, 403 for an agent, both problem+json', async () => {
    const proxy = await app(gwsEnv());
    const anonymous = await proxy.inject({ url: '/api/pops/stream' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const agent = await proxy.inject({ url: '/api/pops/stream', headers: { cookie: AGENT_SESSION } });
    expect(agent.statusCode).toBe(403);
    expect(agent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(agent.json()).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('follows SUPERVISOR_ROLES', async () => {
    const lead = await app(gwsEnv({ SUPERVISOR_ROLES: 'ROLE_TEAM_LEAD' }));
    expect(SESSION_USER.roles).toContain('ROLE_SUPERVISOR');
    const supervisor = await lead.inject({ url: '/api/pops/stream', headers: { cookie: VALID_SESSION } });
    expect(supervisor.statusCode).toBe(403);
    const { base } = await listening(gwsEnv({ SUPERVISOR_ROLES: 'ROLE_TEAM_LEAD,ROLE_AGENT' }));
    const agent = await stream(base, { cookie: AGENT_SESSION });
    expect(agent.response.statusCode).toBe(200);
  });

  it('frames events: headers, retry, status and pop events each with an id, keepalive comments', async () => {
    const { app: proxy, base } = await listening(gwsEnv({ FEED_HEARTBEAT_MS: '100' }));
    const watcher = await stream(base);
    expect(watcher.response.statusCode).toBe(200);
    expect(watcher.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(watcher.response.headers['cache-control']).toBe('no-cache, no-transform');
    expect(watcher.response.headers['x-accel-buffering']).toBe('no');
    expect(watcher.response.headers['content-encoding']).toBeUndefined();
    const { id } = (await post(proxy, report())).json() as { id: string };
    await watcher.until(
      (c) => c.pops.length === 1 && c.raw.includes(': keepalive\n\n'),
      3_000,
      'a pop and a keepalive',
    );
    expect(watcher.raw.startsWith('retry: 1000\n\nevent: status\nid: 0-0\ndata: {"state":"live"}\n\n')).toBe(
      true,
    );
    expect(watcher.raw).toContain(`event: pop\nid: ${id}\ndata: {"id":"${id}",`);
    for (const event of watcher.events) expect(event.id).toMatch(/^\d+-\d+$/);
  });

  it('replays at most FEED_BACKLOG pops, then resumes after Last-Event-ID without duplicates', async () => {
    const { app: proxy, base } = await listening(gwsEnv({ FEED_BACKLOG: '3' }));
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++)
      ids.push(((await post(proxy, report({ callId: `c${i}` }))).json() as { id: string }).id);
    const fresh = await stream(base);
    await fresh.until((c) => c.pops.length === 3);
    expect(fresh.pops.map((event) => event.id)).toEqual(ids.slice(2));

    const resumed = await stream(base, { cookie: VALID_SESSION, 'last-event-id': ids[3] ?? '' });
    await resumed.until((c) => c.states.length === 1);
    ids.push(((await post(proxy, report({ callId: 'c6' }))).json() as { id: string }).id);
    await resumed.until((c) => c.pops.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(resumed.pops.map((event) => event.id)).toEqual([ids[4], ids[5]]);
    // The status event carries the last id the client had: its Last-Event-ID never skips a pop.
    expect(resumed.events[0]).toMatchObject({ event: 'status', id: ids[3] });
  });

  it('ends open streams at once when the server closes', async () => {
    const { app: proxy, base } = await listening(gwsEnv());
    const watcher = await stream(base);
    await watcher.until((c) => c.states.length === 1);
    const started = performance.now();
    await proxy.close();
    apps.splice(apps.indexOf(proxy), 1);
    await watcher.until((c) => c.ended, 2_000, 'the stream to end');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('with PROXY_AUTH=jwt: the roles come from JWT_ROLES_CLAIM, the agent from the token', async () => {
    const jwks = await new JwksServer().start();
    try {
      const key = await signingKey('key-1');
      jwks.keys = [key.jwk];
      const { app: proxy, base } = await listening(jwtEnv(jwks, { JWT_ROLES_CLAIM: 'groups' }));
      const bearer = async (claims: Record<string, unknown>) => ({
        authorization: `Bearer ${await signToken(key, claims)}`,
      });
      const agentToken = await bearer({ sub: 'agent-9', given_name: 'Ann', groups: ['ROLE_AGENT'] });
      const agentRefused = await proxy.inject({ url: '/api/pops/stream', headers: agentToken });
      expect(agentRefused.statusCode).toBe(403);
      const roleElsewhere = await bearer({ sub: 'lead-1', roles: ['ROLE_SUPERVISOR'] });
      expect((await proxy.inject({ url: '/api/pops/stream', headers: roleElsewhere })).statusCode).toBe(403);
      const watcher = await stream(
        base,
        await bearer({ sub: 'lead-1', groups: 'ROLE_AGENT ROLE_SUPERVISOR' }),
      );
      expect(watcher.response.statusCode).toBe(200);
      expect((await post(proxy, { ...report(), agent: { id: 'x' } }, agentToken)).statusCode).toBe(400);
      expect((await post(proxy, report(), agentToken)).statusCode).toBe(202);
      await watcher.until((c) => c.pops.length === 1);
      expect(watcher.pops[0]?.data).toMatchObject({ agent: { id: 'agent-9', firstName: 'Ann' } });
    } finally {
      await jwks.close();
    }
  });
});

describe('the feed in /metrics', () => {
  it('counts reports, their time to pop, and open streams', async () => {
    const token = 'METRICS-feed-0123456789abcdef0123456789';
    const { app: proxy, base } = await listening(gwsEnv({ METRICS_TOKEN: token }));
    const scrape = async () =>
      (await proxy.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } })).body;
    const watcher = await stream(base);
    await watcher.until((c) => c.states.length === 1);
    expect(await scrape()).toMatch(/^uhw_feed_sse_subscribers 1$/m);
    expect((await post(proxy, report({ outcome: 'found', timings: { totalMs: 180 } }))).statusCode).toBe(202);
    expect(
      (await post(proxy, report({ outcome: 'not-found', timings: { totalMs: 2_500 } }))).statusCode,
    ).toBe(202);
    const text = await scrape();
    expect(text).toMatch(/^uhw_pop_reports_total\{outcome="found",source="[a-z-]+"\} 1$/m);
    expect(text).toMatch(/^uhw_time_to_pop_seconds_bucket\{le="0\.25",outcome="found"\} 1$/m);
    expect(text).toMatch(/^uhw_time_to_pop_seconds_bucket\{le="1",outcome="not-found"\} 0$/m);
    expect(text).toMatch(/^uhw_time_to_pop_seconds_count\{outcome="not-found"\} 1$/m);
    watcher.close();
    await expect.poll(async () => (await scrape()).match(/^uhw_feed_sse_subscribers (\d+)$/m)?.[1]).toBe('0');
  });
});
