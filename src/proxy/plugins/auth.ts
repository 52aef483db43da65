// Who may use the lookup route. The route spends our Uniphore credentials, so it must not be an
// open relay: by default the caller proves a live GWS session (the same cookie the widget already
// uses for GWS), presents the shared bearer token, or a JWT signed by the configured issuer
// (../auth/jwt-verifier.ts); `none` exists for the simulator only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { BEARER_CHALLENGE, invalidToken, JwtVerifier } from '../auth/jwt-verifier';
import { type Clock, cacheClock } from '../clock';
import type { Config } from '../config';
import type { Metrics } from '../metrics/metrics';
import { ProblemError } from '../problem';
import type { FetchLike } from '../uniphore/client';
import { transfer } from '../uniphore/http';
import { readGwsUser } from './gws-user';
import type { Principal, PrincipalUser } from './principal';

export type { Principal, PrincipalUser } from './principal';

export interface Authenticator {
  /** Resolves to the caller; rejects with a ProblemError. */
  authenticate(request: FastifyRequest): Promise<Principal>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export const GWS_AUTH_TIMEOUT_MS = 5000;
export const GWS_VERDICT_TTL_MS = 30_000;
/** Shorter, so an agent who just logged in is not refused for long. */
export const GWS_DENIAL_TTL_MS = 5_000;
export const MAX_GWS_VERDICTS = 10_000;

function sessionCookie(cookie: string): string {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'JSESSIONID') return rest.join('=');
  }
  return cookie;
}

/** GWS's answer about one Cookie header: a live session (and whose), or none. */
export interface SessionVerdict {
  ok: boolean;
  user?: PrincipalUser;
}

export interface GwsSessionVerifierOptions {
  now?: Clock;
  maxVerdicts?: number;
  /** Counts GWS's verdicts and where each caller's verdict came from. */
  metrics?: Pick<Metrics, 'sessionChecked' | 'sessionCache'>;
}

export class GwsSessionVerifier {
  readonly #meUrl: string;
  readonly #fetch: FetchLike;
  /** Verdicts by hash of the Cookie header, and (while GWS is asked) the one question per header. */
  readonly #verdicts: LRUCache<string, SessionVerdict, string>;
  readonly #metrics: GwsSessionVerifierOptions['metrics'];

  constructor(gwsUrl: string, fetchFn: FetchLike, options: GwsSessionVerifierOptions = {}) {
    this.#meUrl = `${gwsUrl}/api/v2/me`;
    this.#fetch = fetchFn;
    this.#metrics = options.metrics;
    this.#verdicts = new LRUCache({
      max: options.maxVerdicts ?? MAX_GWS_VERDICTS,
      ttl: GWS_VERDICT_TTL_MS,
      ...cacheClock(options.now),
      fetchMethod: async (_key, _stale, { context: cookie, options: entry }) => {
        // Errors (GWS cannot say) reject every waiting caller and are not remembered.
        const verdict = await this.#askCounted(cookie);
        entry.ttl = verdict.ok ? GWS_VERDICT_TTL_MS : GWS_DENIAL_TTL_MS;
        return verdict;
      },
    });
  }

  /** GWS's verdict on the cookie; throws a ProblemError when GWS cannot say. */
  async verify(cookie: string): Promise<SessionVerdict> {
    const status: LRUCache.Status<string, SessionVerdict, string> = {};
    try {
      return await this.#verdicts.forceFetch(sha256(cookie).toString('hex'), { context: cookie, status });
    } finally {
      this.#metrics?.sessionCache(
        status.fetch === 'hit' ? 'hit' : status.fetch === 'inflight' ? 'coalesced' : 'miss',
      );
    }
  }

  async #askCounted(cookie: string): Promise<SessionVerdict> {
    try {
      const verdict = await this.#ask(cookie);
      this.#metrics?.sessionChecked(verdict.ok ? 'valid' : 'invalid');
      return verdict;
    } catch (error) {
      this.#metrics?.sessionChecked('error');
      throw error;
    }
  }

  async #ask(cookie: string): Promise<SessionVerdict> {
    const result = await transfer(
      this.#fetch,
      this.#meUrl,
      { method: 'GET', headers: { cookie, accept: 'application/json' } },
      GWS_AUTH_TIMEOUT_MS,
    );
    if (!result.ok) {
      if (result.outcome.kind === 'timeout') {
        throw new ProblemError(504, 'upstream_timeout', 'GWS did not confirm the session in time');
      }
      throw new ProblemError(
        502,
        'upstream_unreachable',
        `GWS could not be reached (${result.outcome.detail})`,
      );
    }
    const { status, body } = result.response;
    if (status >= 200 && status < 300) return { ok: true, user: readGwsUser(body) };
    // 3xx: GWS sends unauthenticated browsers to a login page.
    if (status === 401 || status === 403 || (status >= 300 && status < 400)) return { ok: false };
    throw new ProblemError(502, 'upstream_error', `GWS answered HTTP ${status} to the session check`);
  }
}

const unauthenticated = (detail: string, headers: Record<string, string> = {}) =>
  new ProblemError(401, 'unauthenticated', detail, headers);

export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** Compares fixed-length digests so neither timing nor length reveals the expected token. */
export function tokenMatcher(expected: string): (candidate: string) => boolean {
  const digest = sha256(expected);
  return (candidate) => timingSafeEqual(sha256(candidate), digest);
}

export const tokenMatches = (candidate: string, expected: string): boolean =>
  tokenMatcher(expected)(candidate);

export interface AuthenticatorOptions {
  now?: Clock;
  metrics?: Pick<Metrics, 'sessionChecked' | 'sessionCache' | 'jwtVerified'>;
}

export function createAuthenticator(
  config: Config,
  fetchFn: FetchLike,
  options: AuthenticatorOptions = {},
): Authenticator {
  const { mode, token, jwt } = config.auth;
  const { now, metrics } = options;
  if (mode === 'none') {
    return { authenticate: async (request) => ({ key: `ip:${request.ip}` }) };
  }
  if (mode === 'token') {
    const matches = tokenMatcher(token!.reveal());
    return {
      async authenticate(request) {
        const candidate = bearerToken(request.headers.authorization);
        if (candidate === undefined)
          throw unauthenticated('Authorization: Bearer <token> is required', BEARER_CHALLENGE);
        if (!matches(candidate)) throw unauthenticated('the bearer token is not valid', BEARER_CHALLENGE);
        // One token is shared by every client: the address tells clients apart for rate limiting.
        return { key: `token:${request.ip}` };
      },
    };
  }
  if (mode === 'jwt') {
    const verifier = new JwtVerifier(jwt!, fetchFn, { metrics });
    return {
      async authenticate(request) {
        const header = request.headers.authorization;
        if (header === undefined || !/^Bearer\b/i.test(header)) {
          metrics?.jwtVerified('missing');
          throw unauthenticated('Authorization: Bearer <JWT> is required', BEARER_CHALLENGE);
        }
        const candidate = bearerToken(header);
        if (candidate === undefined) {
          metrics?.jwtVerified('malformed');
          throw invalidToken('the Authorization header is not Bearer <JWT>');
        }
        return verifier.verify(candidate);
      },
    };
  }
  const verifier = new GwsSessionVerifier(config.gws.url, fetchFn, { now, metrics });
  return {
    async authenticate(request) {
      const cookie = request.headers.cookie;
      if (!cookie) throw unauthenticated('a GWS session is required: sign in to GWS first');
      const verdict = await verifier.verify(cookie);
      if (!verdict.ok) throw unauthenticated('the GWS session is not valid: sign in again');
      const key = `session:${sha256(sessionCookie(cookie)).toString('hex').slice(0, 32)}`;
      return verdict.user ? { key, user: verdict.user } : { key };
    },
  };
}
