// The verifier alone: what a verified token becomes, and the key set's time limit (a unit test can
// shorten it; through the app it is JWKS_TIMEOUT_MS).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  JwksServer,
  type SigningKey,
  signingKey,
  signToken,
  TEST_AUDIENCE,
  TEST_ISSUER,
} from '../../__tests__/support/jwks-server';
import type { JwtSettings } from '../../config';
import { ProblemError } from '../../problem';
import { JwtVerifier, tokenRejection } from '../jwt-verifier';

let jwks: JwksServer;
let key: SigningKey;
beforeAll(async () => {
  jwks = await new JwksServer().start();
  key = await signingKey('k1');
});
afterAll(async () => jwks.close());
beforeEach(() => {
  jwks.reset();
  jwks.keys = [key.jwk];
});

const settings = (): JwtSettings => ({
  jwksUrl: jwks.url,
  issuer: TEST_ISSUER,
  audience: [TEST_AUDIENCE],
  clockToleranceS: 30,
  algorithms: ['ES256'],
  rolesClaim: 'groups',
});
const fetchFn = (input: string, init: RequestInit) => fetch(input, init);

describe('JwtVerifier', () => {
  it('turns a verified token into the caller it names', async () => {
    const verifier = new JwtVerifier(settings(), fetchFn);
    const token = await signToken(key, {
      sub: 'agent-7',
      preferred_username: 'jo',
      given_name: 'Jo',
      family_name: 'Agent',
      groups: 'ROLE_AGENT ROLE_SUPERVISOR',
    });
    expect(await verifier.verify(token)).toEqual({
      key: 'jwt:agent-7',
      user: {
        id: 'agent-7',
        userName: 'jo',
        firstName: 'Jo',
        lastName: 'Agent',
        roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
      },
      claimNames: expect.arrayContaining(['sub', 'groups', 'given_name', 'iss', 'aud', 'exp']),
    });
  });

  it('answers 504 upstream_timeout when the key set does not answer in time', async () => {
    jwks.delayMs = 1_000;
    const verifier = new JwtVerifier(settings(), fetchFn, { timeoutMs: 100 });
    const error = await verifier.verify(await signToken(key)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ statusCode: 504, code: 'upstream_timeout' });
  });

  it('uses the fetch it is given for the key set', async () => {
    const seen: string[] = [];
    const verifier = new JwtVerifier(settings(), (input, init) => {
      seen.push(input);
      return fetch(input, init);
    });
    await verifier.verify(await signToken(key));
    expect(seen).toEqual([jwks.url]);
  });
});

describe('tokenRejection', () => {
  it('leaves errors that are not about the token to the caller', () => {
    expect(tokenRejection(new TypeError('boom'))).toBeUndefined();
  });
});
