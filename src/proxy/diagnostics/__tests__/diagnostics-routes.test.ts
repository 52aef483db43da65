// The proxy's side of the diagnostics view: who the caller is for the proxy, the deployment for
// admins only, a test lookup straight at Uniphore; no secret and no looked-up value in any answer.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Env, TEST_APPLICATION_KEY, testConfig } from '../../__tests__/support/env';
import { FakeUniphoreClient } from '../../__tests__/support/fake-client';
import { AGENT_SESSION, FakeGws, VALID_SESSION } from '../../__tests__/support/fake-gws';
import { buildApp } from '../../app';

let gws: FakeGws;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  gws = await new FakeGws().start();
});
afterAll(() => gws.close());
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function app(env: Env, client = new FakeUniphoreClient()) {
  const built = await buildApp(testConfig({ PROXY_AUTH: 'gws', GWS_URL: gws.url, ...env }), {
    logger: false,
    uniphoreClient: client,
  });
  apps.push(built);
  return { app: built, client };
}

const get = (target: FastifyInstance, url: string, cookie?: string) =>
  target.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('GET /api/diagnostics', () => {
  it('tells any signed-in caller how the proxy sees it, and the deployment only to an admin', async () => {
    const { app: proxy } = await app({ ADMIN_ROLES: 'ROLE_SUPERVISOR' });
    const agent = await get(proxy, '/api/diagnostics', AGENT_SESSION);
    expect(agent.statusCode).toBe(200);
    expect(agent.headers['cache-control']).toBe('no-store');
    expect(agent.json()).toEqual({
      caller: { auth: 'gws', user: true, roles: ['ROLE_AGENT'], supervisor: false, admin: false },
    });
    const admin = await get(proxy, '/api/diagnostics', VALID_SESSION);
    const body = admin.json();
    expect(body.caller).toMatchObject({ admin: true, supervisor: true });
    expect(body.proxy).toMatchObject({
      transport: 'rest',
      uniphoreReachable: expect.any(Boolean),
      history: { origin: 'https://history.example.test', warmup: 'idle' },
      adminRoles: ['ROLE_SUPERVISOR'],
    });
    expect(body.proxy.history.sampleUrl).toMatch(/^https:\/\/history\.example\.test\/.*uhw-diagnostics/);
    expect(admin.body).not.toContain(TEST_APPLICATION_KEY);
    expect(admin.body).not.toContain('valid-session-1');
  });

  it('refuses a caller without a session (401), as the widget’s other routes do', async () => {
    const { app: proxy } = await app({});
    const response = await get(proxy, '/api/diagnostics');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('GET /api/diagnostics/lookup/:attribute/:value', () => {
  it('asks Uniphore itself (not the cache) and answers without the value or the id', async () => {
    const { app: proxy, client } = await app({ ADMIN_ROLES: 'ROLE_SUPERVISOR' });
    const url = '/api/diagnostics/lookup/callReturn/%2B14155550100';
    const first = await get(proxy, url, VALID_SESSION);
    const second = await get(proxy, url, VALID_SESSION);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'found', uniqueIdLength: 5, transport: 'rest' });
    expect(client.calls).toEqual([
      { attribute: 'callReturn', value: '+14155550100' },
      { attribute: 'callReturn', value: '+14155550100' },
    ]);
    for (const response of [first, second]) {
      expect(response.body).not.toContain('14155550100');
      expect(response.body).not.toContain('uid-1');
    }
  });

  it('is for admins only (403), and refuses a bad attribute or value before asking anything (400)', async () => {
    const { app: proxy, client } = await app({});
    const forbidden = await get(proxy, '/api/diagnostics/lookup/dtmf/1234', AGENT_SESSION);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
    const { app: adminProxy } = await app({ ADMIN_ROLES: 'ROLE_AGENT' }, client);
    const bad = await get(adminProxy, '/api/diagnostics/lookup/email/x', AGENT_SESSION);
    expect(bad.statusCode).toBe(400);
    expect(client.calls).toEqual([]);
  });
});
