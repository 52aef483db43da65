// PROXY_AUTH=jwt end to end over real sockets: the simulated Genesys Auth issues the token (as WWE's
// auth.getJwtToken would), the proxy fetches the simulator's JWKS and lets the lookup through.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IssueTokenRequest } from '../../shared/sim-control';
import { type Simulator, simulatorEnv, startSimulator } from '../../simulator';
import { buildApp } from '../app';
import { JWKS_COOLDOWN_MS } from '../auth/jwt-verifier';
import { loadConfig } from '../config';

let sim: Simulator;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  sim = await startSimulator();
  const settings = simulatorEnv(sim);
  const config = loadConfig({
    ...settings.gws,
    ...settings.uniphore,
    ...settings.jwt,
    PROXY_AUTH: 'jwt',
    LOOKUP_CACHE_TTL_MS: '0',
    STATIC_DIR: '/nonexistent-static-dir-for-tests',
    LOG_LEVEL: 'silent',
  });
  app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await sim.close();
});
afterEach(() => {
  vi.useRealTimers();
});

async function simulator<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${sim.gwsUrl}/sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const issue = async (request: IssueTokenRequest) =>
  (await simulator<{ token: string }>('/auth/token', request)).token;

const lookup = (headers: Record<string, string> = {}) =>
  fetch(`${base}/api/uniphore/unique-id/dtmf/4567`, { headers });

describe('PROXY_AUTH=jwt with the simulated Genesys Auth', () => {
  it('answers a lookup with a simulator token, and 401 without one', async () => {
    const token = await issue({ sub: 'agent-1', userName: 'demo', roles: ['ROLE_AGENT'] });
    const found = await lookup({ authorization: `Bearer ${token}` });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ attribute: 'dtmf', uniqueId: expect.any(String) });

    const missing = await lookup();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="uniphore-history-widget"');
    expect(await missing.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses an expired simulator token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await issue({ sub: 'agent-1', ttlSeconds: 1 });
    // Past the token's one second of life and the default 30 s of tolerated clock skew.
    vi.setSystemTime(Date.now() + 32_000);
    const response = await lookup({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('follows the simulator rotating its keys', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const old = await issue({ sub: 'agent-1' });
    expect((await lookup({ authorization: `Bearer ${old}` })).status).toBe(200);
    await simulator('/auth/rotate', { retirePrevious: true });
    // The proxy refetches the key set for an unknown kid once its cooldown since the last fetch is over.
    vi.setSystemTime(Date.now() + JWKS_COOLDOWN_MS + 1000);
    const fresh = await issue({ sub: 'agent-1' });
    expect((await lookup({ authorization: `Bearer ${fresh}` })).status).toBe(200);
    expect((await lookup({ authorization: `Bearer ${old}` })).status).toBe(401);
  });
});
