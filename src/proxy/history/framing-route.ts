// GET /api/history/framing?url=…: may the widget frame this history page? The proxy fetches the page
// (no cookies, no redirects followed, bounded time) and reads its framing headers. Only history pages
// are fetched, URLs HISTORY_URL_TEMPLATE yields for some unique id (history-url-match.ts), so the
// route cannot be used to reach anything else, not even elsewhere on the history origin; and only for
// callers the lookup route would serve (PROXY_AUTH).
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Config } from '../config';
import type { Authenticator } from '../plugins/auth';
import { problem, sendProblem } from '../problem';
import type { FetchLike } from '../uniphore/client';
import { transfer } from '../uniphore/http';
import { framingAllowed } from './framing';
import { historyUrlMatcher } from './history-url-match';

const Query = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }) });

/** Verdicts are per embedding origin (the Host a caller sends): bounded, so varied Hosts cannot grow it. */
export const MAX_FRAMING_VERDICTS = 64;

export async function historyFramingRoute(
  app: FastifyInstance,
  options: { config: Config; fetch: FetchLike; authenticator: Authenticator },
): Promise<void> {
  const { history, uniphore } = options.config;
  const cache = new Map<string, { frameable: boolean; at: number }>();
  const isHistoryPage = historyUrlMatcher(history.urlTemplate);

  app.get<{ Querystring: Type.Static<typeof Query> }>(
    '/api/history/framing',
    {
      schema: { querystring: Query },
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
      const cached = cache.get(key);
      if (cached && Date.now() - cached.at < history.framingCacheMs) return { frameable: cached.frameable };

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
      if (history.framingCacheMs > 0) {
        cache.delete(key);
        cache.set(key, { frameable, at: Date.now() });
        // Maps keep insertion order: the first key is the oldest verdict.
        if (cache.size > MAX_FRAMING_VERDICTS) cache.delete(cache.keys().next().value as string);
      }
      return { frameable };
    },
  );
}
