// `npm start` with PROXY_AUTH=jwt and no JWT_* settings: main.ts points the proxy at the simulated
// Genesys Auth, so a token from it (as WWE's auth.getJwtToken would give) opens the lookup route.
import { expect, test } from './fixtures/server';

test.use({ serverEnv: { PROXY_AUTH: 'jwt' } });

const LOOKUP = '/api/uniphore/unique-id/dtmf/4567';

test('lookups need a JWT from the simulated Genesys Auth, which never reaches the logs', async ({
  request,
  server,
  sim,
}) => {
  const refused = await request.get(LOOKUP);
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBe('Bearer realm="uniphore-history-widget"');

  const token = await sim.issueToken({ sub: 'agent-1', userName: 'demo', roles: ['ROLE_AGENT'] });
  const found = await request.get(LOOKUP, { headers: { authorization: `Bearer ${token}` } });
  expect(found.status()).toBe(200);
  expect(await found.json()).toMatchObject({ attribute: 'dtmf', uniqueId: expect.any(String) });

  const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
  const bad = await request.get(LOOKUP, { headers: { authorization: `Bearer ${forged}` } });
  expect(bad.status()).toBe(401);
  expect(bad.headers()['www-authenticate']).toMatch(/error="invalid_token"/);

  expect(server.logs.some((line) => line.includes('"auth":"jwt"'))).toBe(true);
  expect(server.logs.join('\n')).not.toContain(token.split('.')[2]);
});
