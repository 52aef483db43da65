// PROXY_AUTH=jwt: the caller presents a JWT from its identity provider (in Genesys Multicloud, WWE's
// `auth.getJwtToken`), and the proxy checks it against the issuer's published keys (JWKS) with jose.
// Key rotation needs no restart: jose refetches the key set when a token names an unknown `kid`
// (at most once per cooldown, so a stream of made-up kids cannot hammer the issuer) and when the
// cached set is older than its max age. A key set that cannot be fetched is the issuer's outage,
// answered 502/504, never a 401 that would tell the widget its user is not signed in.
import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { JwtSettings } from '../config';
import type { JwtOutcome, Metrics } from '../metrics/metrics';
import type { Principal } from '../plugins/principal';
import { ProblemError } from '../problem';
import type { FetchLike } from '../uniphore/client';
import { networkErrorCode } from '../uniphore/http';
import { principalFromClaims } from './jwt-claims';

export const JWKS_TIMEOUT_MS = 5_000;
/** After a fetch, a token with an unknown `kid` waits this long before it may trigger another one. */
export const JWKS_COOLDOWN_MS = 30_000;
/** The key set is refetched when older than this, even if every `kid` is known. */
export const JWKS_MAX_AGE_MS = 600_000;

export const AUTH_REALM = 'uniphore-history-widget';
/** RFC 6750 §3.1: a request without credentials gets the bare challenge, no error code. */
export const BEARER_CHALLENGE = { 'WWW-Authenticate': `Bearer realm="${AUTH_REALM}"` };
const INVALID_TOKEN_CHALLENGE = {
  'WWW-Authenticate': `Bearer realm="${AUTH_REALM}", error="invalid_token"`,
};

export const invalidToken = (detail: string) =>
  new ProblemError(401, 'unauthenticated', detail, INVALID_TOKEN_CHALLENGE);

/** The 401 of a refused token, remembering which check failed. */
class TokenRefused extends ProblemError {
  readonly outcome: TokenRejection['outcome'];

  constructor(refused: TokenRejection) {
    super(401, 'unauthenticated', refused.detail, INVALID_TOKEN_CHALLENGE);
    this.outcome = refused.outcome;
  }
}

/** Why a token was refused: the failed check, for the metrics, and words for the caller. */
export interface TokenRejection {
  outcome: Exclude<JwtOutcome, 'valid' | 'keys_unavailable'>;
  detail: string;
}

const rejection = (outcome: TokenRejection['outcome'], detail: string): TokenRejection => ({
  outcome,
  detail,
});

/**
 * Why jose refused a token, in words that name the failed check and nothing of the token itself;
 * undefined for errors that are not about the token.
 */
export function tokenRejection(error: unknown): TokenRejection | undefined {
  if (error instanceof errors.JWTExpired) return rejection('expired', 'the token has expired (exp)');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason } = error;
    if (reason === 'missing') return rejection('claims', `the token has no ${claim} claim`);
    if (reason === 'invalid') return rejection('claims', `the token's ${claim} claim is malformed`);
    if (claim === 'nbf') return rejection('not_yet_valid', 'the token is not valid yet (nbf)');
    if (claim === 'iss') return rejection('issuer', 'the token was issued by another issuer (iss)');
    if (claim === 'aud') return rejection('audience', 'the token is meant for another audience (aud)');
    return rejection('claims', `the token's ${claim} claim is not accepted`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return rejection('algorithm', "the token's signing algorithm is not accepted");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return rejection('signature', 'the token signature does not verify');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return rejection('unknown_key', "no key in the issuer's key set matches the token");
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return rejection('unknown_key', "the token does not name one key of the issuer's key set (kid)");
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return rejection('malformed', 'the token is not a well-formed signed JWT');
  }
  return undefined;
}

/** Failures of the key set itself become 502/504 problems; key-matching failures stay jose's. */
function keySetProblem(error: unknown): unknown {
  if (error instanceof ProblemError) return error;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return error;
  }
  if (error instanceof errors.JWKSTimeout) {
    return new ProblemError(
      504,
      'upstream_timeout',
      "the token issuer's key set (JWKS) did not answer in time",
    );
  }
  return new ProblemError(
    502,
    'upstream_bad_response',
    "the token issuer's key set (JWKS) is not a usable JSON Web Key Set",
  );
}

/** The fetch jose uses for the key set, turning transport failures and non-200 answers into problems. */
function jwksFetch(fetchFn: FetchLike): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (error) {
      // jose turns a TimeoutError into JWKSTimeout itself.
      if (error instanceof Error && error.name === 'TimeoutError') throw error;
      throw new ProblemError(
        502,
        'upstream_unreachable',
        `the token issuer's key set (JWKS) could not be reached (${networkErrorCode(error)})`,
      );
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new ProblemError(
        502,
        'upstream_error',
        `the token issuer's key set (JWKS) answered HTTP ${response.status}`,
      );
    }
    return response;
  };
}

export interface JwtVerifierOptions {
  timeoutMs?: number;
  /** Counts each verification by outcome. */
  metrics?: Pick<Metrics, 'jwtVerified'>;
}

export class JwtVerifier {
  readonly #settings: JwtSettings;
  readonly #keys: JWTVerifyGetKey;
  readonly #metrics: Pick<Metrics, 'jwtVerified'> | undefined;

  constructor(settings: JwtSettings, fetchFn: FetchLike, options: JwtVerifierOptions = {}) {
    this.#settings = settings;
    this.#metrics = options.metrics;
    const remote = createRemoteJWKSet(new URL(settings.jwksUrl), {
      timeoutDuration: options.timeoutMs ?? JWKS_TIMEOUT_MS,
      cooldownDuration: JWKS_COOLDOWN_MS,
      cacheMaxAge: JWKS_MAX_AGE_MS,
      [customFetch]: jwksFetch(fetchFn),
    });
    this.#keys = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        throw keySetProblem(error);
      }
    };
  }

  /** The caller the token names; throws a ProblemError (401, or 502/504 when the keys are out of reach). */
  async verify(token: string): Promise<Principal> {
    try {
      const principal = await this.#verify(token);
      this.#metrics?.jwtVerified('valid');
      return principal;
    } catch (error) {
      // A ProblemError without a rejection is the key set's outage (502/504); anything else, a bug.
      if (error instanceof ProblemError) {
        this.#metrics?.jwtVerified(error instanceof TokenRefused ? error.outcome : 'keys_unavailable');
      }
      throw error;
    }
  }

  async #verify(token: string): Promise<Principal> {
    const { issuer, audience, algorithms, clockToleranceS, rolesClaim } = this.#settings;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, {
        issuer,
        audience: [...audience],
        algorithms: [...algorithms],
        clockTolerance: clockToleranceS,
        // A token without exp would be valid forever.
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      const refused = tokenRejection(error);
      if (refused === undefined) throw error;
      throw new TokenRefused(refused);
    }
    const mapped = principalFromClaims(payload, rolesClaim);
    if (!mapped.ok) throw new TokenRefused({ outcome: 'claims', detail: mapped.detail });
    return mapped.principal;
  }
}
