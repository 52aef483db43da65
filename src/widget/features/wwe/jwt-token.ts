// The bearer token for the proxy when it runs with PROXY_AUTH=jwt: WWE hands the page the agent's
// JWT (`auth.getJwtToken`, renewed by WWE when it expires). Kept until shortly before its expiration;
// asked again when the proxy refused it (rotated keys, clock skew).
import type { JwtTokenAnswer } from '../../../shared/scapi-messages';
import * as scapi from '../../../shared/scapi-messages?validators';
import type { TokenProvider } from '../../lib/http';
import { guard } from '../../lib/schema';
import type { ScapiClient } from './scapi-client';

const isJwtAnswer = guard<JwtTokenAnswer>(scapi.JwtTokenAnswer, 'auth.getJwtToken');

/** Renew this long before WWE says the token expires. */
const MARGIN_MS = 30_000;
/** When WWE gives no (readable) expiration. */
const DEFAULT_LIFETIME_MS = 60_000;

export function wweTokenProvider(
  client: Pick<ScapiClient, 'request'>,
  log: (message: string, detail?: unknown) => void,
  now: () => number = Date.now,
): TokenProvider {
  let cached: { token: string; renewAt: number } | null = null;
  let asking: Promise<string | null> | null = null;
  return (fresh) => {
    if (!fresh && cached && now() < cached.renewAt) return Promise.resolve(cached.token);
    asking ??= client
      .request('auth.getJwtToken', [], isJwtAnswer)
      .then(({ jwtToken, expiration }) => {
        const expires = Date.parse(expiration ?? '');
        const renewAt = Number.isFinite(expires) ? expires - MARGIN_MS : now() + DEFAULT_LIFETIME_MS;
        cached = { token: jwtToken, renewAt };
        return jwtToken;
      })
      .catch((error: unknown) => {
        // Without a token the proxy answers 401 and the pop says so; the next lookup asks again.
        log('WWE gave no JWT (is auth.getJwtToken allowed for this origin?)', error);
        cached = null;
        return null;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };
}
