// The simulated Genesys Auth over real sockets: the JWKS on the GWS server, tokens from the control
// API, key rotation. Tokens are checked with jose against the published key set, as a relying party would.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, type JWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RotateKeysResponse } from '../../shared/sim-control';
import { SIM_JWKS_PATH, SIM_JWT_AUDIENCE, SIM_TOKEN_TTL_S, simJwtIssuer } from '../auth/token-issuer';
import { type Simulator, simulatorEnv, startSimulator } from '../index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());

const post = (path: string, body?: unknown) =>
  fetch(`${sim.gwsUrl}/sim${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function token(body: Record<string, unknown> = { sub: 'agent-1' }): Promise<string> {
  const response = await post('/auth/token', body);
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function publishedKeys(): Promise<JWK[]> {
  const response = await fetch(`${sim.gwsUrl}${SIM_JWKS_PATH}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { keys: JWK[] }).keys;
}

async function verify(jwt: string) {
  return jwtVerify(jwt, createLocalJWKSet({ keys: await publishedKeys() }), {
    issuer: simJwtIssuer(sim.gwsUrl),
    audience: SIM_JWT_AUDIENCE,
    algorithms: ['ES256'],
    requiredClaims: ['exp', 'sub'],
  });
}

describe('simulated Genesys Auth', () => {
  it('publishes one public signing key, never its private part', async () => {
    const keys = await publishedKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]?.kid).toMatch(/^sim-/);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('issues a token that verifies against the published keys, with the requested claims', async () => {
    const jwt = await token({
      sub: 'agent-1',
      userName: 'demo',
      firstName: 'Dana',
      lastName: 'Demo',
      roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
      ttlSeconds: 120,
    });
    const { payload, protectedHeader } = await verify(jwt);
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT', kid: (await publishedKeys())[0]?.kid });
    expect(payload).toMatchObject({
      iss: `${sim.gwsUrl}/auth`,
      aud: 'uniphore-history-widget',
      sub: 'agent-1',
      preferred_username: 'demo',
      given_name: 'Dana',
      family_name: 'Demo',
      roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
    });
    expect(payload.exp! - payload.iat!).toBe(120);
  });

  it('defaults to an agent role and an hour', async () => {
    const payload = decodeJwt(await token({ sub: 'x' }));
    expect(payload.roles).toEqual(['ROLE_AGENT']);
    expect(payload.exp! - payload.iat!).toBe(SIM_TOKEN_TTL_S);
    expect(payload).not.toHaveProperty('preferred_username');
  });

  it.each([
    ['no sub', {}],
    ['an empty sub', { sub: '' }],
    ['a zero ttl', { sub: 'a', ttlSeconds: 0 }],
    ['a ttl over a day', { sub: 'a', ttlSeconds: 86_401 }],
    ['an unknown field', { sub: 'a', admin: true }],
    ['roles that are not strings', { sub: 'a', roles: [1] }],
  ])('refuses a request with %s', async (_name, body) => {
    expect((await post('/auth/token', body)).status).toBe(400);
  });

  it('rotates keys: the previous key stays published until retired', async () => {
    const before = await token();
    const firstKid = decodeProtectedHeader(before).kid;

    const rotated = await post('/auth/rotate');
    expect(rotated.status).toBe(200);
    const { kid, published } = (await rotated.json()) as RotateKeysResponse;
    expect(kid).not.toBe(firstKid);
    expect(published).toEqual([kid, firstKid]);
    const after = await token();
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    await verify(before);
    await verify(after);

    const retired = (await (
      await post('/auth/rotate', { retirePrevious: true })
    ).json()) as RotateKeysResponse;
    expect(retired.published).toEqual([retired.kid]);
    await expect(verify(after)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await verify(await token());
  });

  it('names its JWKS, issuer and audience for the proxy', () => {
    expect(simulatorEnv(sim).jwt).toEqual({
      JWT_JWKS_URL: `${sim.gwsUrl}/auth/v3/jwks`,
      JWT_ISSUER: `${sim.gwsUrl}/auth`,
      JWT_AUDIENCE: 'uniphore-history-widget',
    });
  });
});
