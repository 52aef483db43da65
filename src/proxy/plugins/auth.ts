// Who may use the lookup route. The route spends our Uniphore credentials, so it must not be an
// open relay: by default the caller proves a live GWS session (the same cookie the widget already
// uses for GWS), presents the shared bearer token, or a JWT signed by the configured issuer
// (../auth/jwt-verifier.ts); `none` exists for the simulator only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { BEARER_CHALLENGE, invalidToken, JwtVerifier } from '../auth/jwt-verifier';
import type { Config } from '../config';
import { ProblemError } from '../problem';
import type { FetchLike } from '../uniphore/client';
import { networkErrorCode } from '../uniphore/http';

export interface Principal {
  /** Stable per-client key for rate limiting, e.g. `session:<hash>`, `jwt:<sub>`, `token:<ip>`, `ip:<ip>`. */
  key: string;
  /** The signed-in user when the auth mode knows it (GWS session: from GET /api/v2/me; JWT: claims). */
  user?: { id: string; userName?: string; firstName?: string; lastName?: string; roles: string[] };
}

export interface Authenticator {
  /** Resolves to the caller; rejects with a ProblemError. */
  authenticate(request: FastifyRequest): Promise<Principal>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export const GWS_AUTH_TIMEOUT_MS = 5000;
export const GWS_VERDICT_TTL_MS = 30_000;
/** Shorter, so an agent who just logged in is not refused for long. */
export const GWS_DENIAL_TTL_MS = 5_000;
const MAX_VERDICTS = 10_000;

function sessionCookie(cookie: string): string {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'JSESSIONID') return rest.join('=');
  }
  return cookie;
}

export class GwsSessionVerifier {
  readonly #meUrl: string;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #verdicts = new Map<string, { ok: boolean; expiresAt: number }>();
  readonly #inflight = new Map<string, Promise<boolean>>();

  constructor(gwsUrl: string, fetchFn: FetchLike, now: () => number = Date.now) {
    this.#meUrl = `${gwsUrl}/api/v2/me`;
    this.#fetch = fetchFn;
    this.#now = now;
  }

  /** True when GWS accepts the cookie as a session; throws a ProblemError when GWS cannot say. */
  async verify(cookie: string): Promise<boolean> {
    const key = sha256(cookie).toString('hex');
    const known = this.#verdicts.get(key);
    if (known && known.expiresAt > this.#now()) return known.ok;
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const check = this.#ask(cookie)
      .then((ok) => {
        this.#remember(key, ok);
        return ok;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, check);
    return check;
  }

  async #ask(cookie: string): Promise<boolean> {
    let response: Response;
    try {
      response = await this.#fetch(this.#meUrl, {
        method: 'GET',
        headers: { cookie, accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(GWS_AUTH_TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new ProblemError(504, 'upstream_timeout', 'GWS did not confirm the session in time');
      }
      throw new ProblemError(
        502,
        'upstream_unreachable',
        `GWS could not be reached (${networkErrorCode(error)})`,
      );
    }
    // Only the status matters; release the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return true;
    // 3xx: GWS sends unauthenticated browsers to a login page.
    if (
      response.status === 401 ||
      response.status === 403 ||
      (response.status >= 300 && response.status < 400)
    ) {
      return false;
    }
    throw new ProblemError(
      502,
      'upstream_error',
      `GWS answered HTTP ${response.status} to the session check`,
    );
  }

  #remember(key: string, ok: boolean): void {
    this.#verdicts.delete(key);
    while (this.#verdicts.size >= MAX_VERDICTS) {
      const oldest = this.#verdicts.keys().next().value;
      if (oldest === undefined) break;
      this.#verdicts.delete(oldest);
    }
    this.#verdicts.set(key, { ok, expiresAt: this.#now() + (ok ? GWS_VERDICT_TTL_MS : GWS_DENIAL_TTL_MS) });
  }
}

const unauthenticated = (detail: string, headers: Record<string, string> = {}) =>
  new ProblemError(401, 'unauthenticated', detail, headers);

export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** Compares fixed-length digests so neither timing nor length reveals the expected token. */
export function tokenMatches(candidate: string, expected: string): boolean {
  return timingSafeEqual(sha256(candidate), sha256(expected));
}

export function createAuthenticator(config: Config, fetchFn: FetchLike): Authenticator {
  const { mode, token, jwt } = config.auth;
  if (mode === 'none') {
    return { authenticate: async (request) => ({ key: `ip:${request.ip}` }) };
  }
  if (mode === 'token') {
    const expected = token!.reveal();
    return {
      async authenticate(request) {
        const candidate = bearerToken(request.headers.authorization);
        if (candidate === undefined)
          throw unauthenticated('Authorization: Bearer <token> is required', BEARER_CHALLENGE);
        if (!tokenMatches(candidate, expected))
          throw unauthenticated('the bearer token is not valid', BEARER_CHALLENGE);
        // One token is shared by every client: the address tells clients apart for rate limiting.
        return { key: `token:${request.ip}` };
      },
    };
  }
  if (mode === 'jwt') {
    const verifier = new JwtVerifier(jwt!, fetchFn);
    return {
      async authenticate(request) {
        const header = request.headers.authorization;
        if (header === undefined || !/^Bearer\b/i.test(header))
          throw unauthenticated('Authorization: Bearer <JWT> is required', BEARER_CHALLENGE);
        const candidate = bearerToken(header);
        if (candidate === undefined) throw invalidToken('the Authorization header is not Bearer <JWT>');
        return verifier.verify(candidate);
      },
    };
  }
  const verifier = new GwsSessionVerifier(config.gws.url, fetchFn);
  return {
    async authenticate(request) {
      const cookie = request.headers.cookie;
      if (!cookie) throw unauthenticated('a GWS session is required: sign in to GWS first');
      if (!(await verifier.verify(cookie)))
        throw unauthenticated('the GWS session is not valid: sign in again');
      return { key: `session:${sha256(sessionCookie(cookie)).toString('hex').slice(0, 32)}` };
    },
  };
}
