// The simulated Genesys Auth: signs the JWTs that WWE's Service Client API (`auth.getJwtToken`) hands
// a widget in Genesys Multicloud, and publishes the public keys as a JWKS for PROXY_AUTH=jwt to check.
// The key pair is made when the simulator starts and can be rotated through the control API.
import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * Genesys Auth serves its endpoints under /auth/v3/...; that its key set is at /auth/v3/jwks is our
 * assumption, to be checked against a real Multicloud tenant (the proxy takes any JWT_JWKS_URL).
 */
export const SIM_JWKS_PATH = '/auth/v3/jwks';
export const SIM_JWT_AUDIENCE = 'uniphore-history-widget';
export const SIM_JWT_ALGORITHM = 'ES256';
export const SIM_TOKEN_TTL_S = 3600;

/** Tokens name the simulated GWS's auth service as their issuer. */
export const simJwtIssuer = (gwsUrl: string) => `${gwsUrl}/auth`;

export interface TokenRequest {
  sub: string;
  userName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  roles?: string[] | undefined;
  ttlSeconds?: number | undefined;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as published. */
  jwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIM_JWT_ALGORITHM, { extractable: true });
  const kid = `sim-${randomUUID().slice(0, 8)}`;
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: SIM_JWT_ALGORITHM, use: 'sig' },
  };
}

export class TokenIssuer {
  readonly #gwsUrl: () => string;
  #current: Promise<SigningKey>;
  /** Still published after a rotation, as an issuer does, so tokens already handed out keep verifying. */
  #previous: SigningKey | undefined;

  constructor(gwsUrl: () => string) {
    this.#gwsUrl = gwsUrl;
    this.#current = newSigningKey();
  }

  /** Resolves once the first key pair exists; rejects if it could not be made. */
  async ready(): Promise<void> {
    await this.#current;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const current = await this.#current;
    return { keys: [current, this.#previous].flatMap((key) => (key ? [key.jwk] : [])) };
  }

  async issue(request: TokenRequest): Promise<string> {
    const key = await this.#current;
    const claims: Record<string, unknown> = { roles: request.roles ?? ['ROLE_AGENT'] };
    if (request.userName !== undefined) claims.preferred_username = request.userName;
    if (request.firstName !== undefined) claims.given_name = request.firstName;
    if (request.lastName !== undefined) claims.family_name = request.lastName;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIM_JWT_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(simJwtIssuer(this.#gwsUrl()))
      .setAudience(SIM_JWT_AUDIENCE)
      .setSubject(request.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + (request.ttlSeconds ?? SIM_TOKEN_TTL_S))
      .sign(key.privateKey);
  }

  /**
   * Signs with a new key from now on. The previous key stays published until the next rotation,
   * unless `retirePrevious`: then tokens signed with it stop verifying at once.
   */
  async rotate(retirePrevious = false): Promise<{ kid: string; published: string[] }> {
    const previous = await this.#current;
    const next = await newSigningKey();
    this.#current = Promise.resolve(next);
    this.#previous = retirePrevious ? undefined : previous;
    const { keys } = await this.jwks();
    return { kid: next.kid, published: keys.map((key) => key.kid ?? '') };
  }
}
