// GET /metrics in the Prometheus text format. On the main port it opens only to a scraper presenting
// METRICS_TOKEN, and without that setting it is not there at all (404, never the widget's page); on
// the metrics listener (metrics-listener.ts) it needs nothing, as only the private network reaches it.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import Type from 'typebox';
import { Problem } from '../../shared/lookup-api';
import { BEARER_CHALLENGE } from '../auth/jwt-verifier';
import { bearerToken, tokenMatcher } from '../plugins/auth';
import { ProblemError, problem, sendProblem } from '../problem';
import type { Secret } from '../secret';

export const METRICS_PATH = '/metrics';

export interface MetricsRouteOptions {
  registry: Registry;
  /** `token`: a bearer token opens it; `open`: anyone who reaches the listener; `absent`: 404. */
  access: { kind: 'token'; token: Secret } | { kind: 'open' } | { kind: 'absent' };
}

const schema = { response: { 200: Type.String(), '4xx': Problem } };

export const metricsRoute: FastifyPluginAsync<MetricsRouteOptions> = async (app, options) => {
  const { registry, access } = options;
  if (access.kind === 'absent') {
    // Registered so that the widget's SPA fallback does not answer it with the page and a 200.
    app.get(METRICS_PATH, { schema, exposeHeadRoute: false }, async (_request, reply) =>
      sendProblem(reply.header('cache-control', 'no-store'), problem(404, 'not_found', 'no such route')),
    );
    return;
  }
  const matches = access.kind === 'token' ? tokenMatcher(access.token.reveal()) : undefined;
  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    if (!matches) return;
    const candidate = bearerToken(request.headers.authorization);
    if (candidate === undefined || !matches(candidate)) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Authorization: Bearer <METRICS_TOKEN> is required',
        BEARER_CHALLENGE,
      );
    }
  };
  app.get(METRICS_PATH, { schema, exposeHeadRoute: false, onRequest: authorize }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
};
