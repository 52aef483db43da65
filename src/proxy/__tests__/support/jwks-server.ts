// An identity provider's key endpoint on a real local HTTP server: serves whatever key set a test
// puts in `keys`, or a chosen failure, and counts fetches. Plus signing keys and a token helper.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export const TEST_ISSUER = 'https://auth.example.test/auth';
export const TEST_AUDIENCE = 'uniphore-history-widget';

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  /** The public half as published in a JWKS. */
  jwk: JWK;
}

export async function signingKey(kid: string, alg = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A token as the issuer would sign it; `claims` override the defaults, `undefined` removes one. */
export async function signToken(
  key: SigningKey,
  claims: Record<string, unknown> = {},
  header: { kid?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: TEST_ISSUER,
    aud: TEST_AUDIENCE,
    sub: 'agent-1',
    iat: now,
    exp: now + 300,
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload as JWTPayload)
    .setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

export class JwksServer {
  keys: JWK[] = [];
  /** Answer with this status instead of the key set. */
  status = 200;
  /** Answer with this body instead of the key set. */
  body: string | undefined;
  /** Hold each answer this long. */
  delayMs = 0;
  fetches = 0;
  readonly #server = http.createServer((req, res) => {
    if (req.url !== '/jwks') return void res.writeHead(404).end();
    this.fetches += 1;
    setTimeout(() => {
      if (res.destroyed) return;
      res
        .writeHead(this.status, { 'content-type': 'application/json' })
        .end(this.body ?? JSON.stringify({ keys: this.keys }));
    }, this.delayMs);
  });

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/jwks`;
  }

  reset(): void {
    this.keys = [];
    this.status = 200;
    this.body = undefined;
    this.delayMs = 0;
    this.fetches = 0;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

/** Settings for PROXY_AUTH=jwt against a JwksServer. */
export function jwtEnv(jwks: JwksServer, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PROXY_AUTH: 'jwt',
    JWT_JWKS_URL: jwks.url,
    JWT_ISSUER: TEST_ISSUER,
    JWT_AUDIENCE: TEST_AUDIENCE,
    ...overrides,
  };
}
