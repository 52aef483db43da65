// GET /api/history/framing?url=…: may the widget frame this history page? The proxy fetches the page
// (no cookies, no redirects followed, bounded time) and reads its framing headers. Only history pages
// are fetched, URLs HISTORY_URL_TEMPLATE yields for some unique id (history-url-match.ts), so the
// route cannot be used to reach anything else, not even elsewhere on the history origin; and only for
// callers the lookup route would serve (PROXY_AUTH).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LRUCache } from 'lru-cache';
import Type from 'typebox';
import { Problem } from '../../shared/lookup-api';
import { type Clock, cacheClock } from '../clock';
import type { Config } from '../config';
import type { Authenticator } from '../plugins/auth';
import { problem, sendProblem } from '../problem';
import type { FetchLike } from '../uniphore/client';
import { transfer } from '../uniphore/http';
import { framingAllowed } from './framing';
import { historyUrlMatcher } from './history-url-match';

const Query = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }) });
const Verdict = Type.Object({ frameable: Type.Boolean() });

/** Verdicts are per embedding origin (the Host a caller sends): bounded, so varied Hosts cannot grow it. */
export const MAX_FRAMING_VERDICTS = 64;

export interface HistoryFramingRouteOptions {
  config: Config;
  fetch: FetchLike;
  authenticator: Authenticator;
  now?: Clock;
}

export const historyFramingRoute: FastifyPluginAsyncTypebox<HistoryFramingRouteOptions> = async (
  app,
  options,
) => {
  const { history, uniphore } = options.config;
  const isHistoryPage = historyUrlMatcher(history.urlTemplate);
  // lru-cache reads ttl 0 as "forever": with HISTORY_FRAMING_CACHE_MS=0 there is no cache at all.
  const verdicts =
    history.framingCacheMs > 0
      ? new LRUCache<string, boolean>({
          max: MAX_FRAMING_VERDICTS,
          ttl: history.framingCacheMs,
          ...cacheClock(options.now),
        })
      : undefined;

  app.get(
    '/api/history/framing',
    {
      schema: { querystring: Query, response: { 200: Verdict, '4xx': Problem, '5xx': Problem } },
      onRequest: async (request) => {
        await options.authenticator.authenticate(request);
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (isHistoryPage(request.query.url) === undefined) {
        return sendProblem(reply, problem(400, 'invalid_value', 'url is not a history page'));
      }
      const url = new URL(request.query.url);
      const embedder = `${request.protocol}://${request.host}`;
      const key = `${embedder} ${url.origin}`;
      const cached = verdicts?.get(key);
      if (cached !== undefined) return { frameable: cached };

      const result = await transfer(options.fetch, url.href, { method: 'GET' }, uniphore.timeoutMs);
      if (!result.ok) {
        const timeout = result.outcome.kind === 'timeout';
        return sendProblem(
          reply,
          problem(timeout ? 504 : 502, timeout ? 'upstream_timeout' : 'upstream_unreachable', 'history site'),
        );
      }
      const { headers } = result.response;
      const frameable = framingAllowed(
        { xFrameOptions: headers.get('x-frame-options'), csp: headers.get('content-security-policy') },
        url.origin,
        embedder,
      );
      verdicts?.set(key, frameable);
      return { frameable };
    },
  );
};
