// GET /api/uniphore/unique-id/:attribute/:value — the only route that spends our Uniphore
// credentials. Per request: authenticate, rate-limit (per authenticated client), validate, look up.
// Every answer, errors included, is `Cache-Control: no-store`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { isAttribute, Problem, UniqueIdFound, UniqueIdParams } from '../../shared/lookup-api';
import type { Config } from '../config';
import { hashValue } from '../logging';
import { ATTRIBUTE_PROBLEM, type InputProblem, inputProblem } from '../lookup/input-problem';
import type { LookupService } from '../lookup/lookup-service';
import { outcomeReply } from '../lookup/outcome-reply';
import type { Metrics } from '../metrics/metrics';
import type { Authenticator, Principal } from '../plugins/auth';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem, sendProblem } from '../problem';
import type { LookupOutcome } from '../uniphore/client';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller (null until the route's authentication hook ran); its key is the rate-limit key. */
    principal: Principal | null;
  }
}

export interface LookupRouteOptions {
  config: Config;
  service: LookupService;
  authenticator: Authenticator;
  metrics?: Pick<Metrics, 'lookupAnswered' | 'rateLimited'>;
}

export const LOOKUP_PATH = '/api/uniphore/unique-id';

function outcomeLogFields(outcome: LookupOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'found':
      return { upstreamStatus: outcome.upstreamStatus };
    case 'not_found':
      return { upstreamStatus: outcome.upstreamStatus, note: outcome.note };
    case 'unauthorized':
      return {
        upstreamStatus: outcome.upstreamStatus,
        unauthenticatedReason: outcome.reason,
        faultCode: outcome.faultCode,
      };
    case 'upstream_error':
    case 'bad_response':
      return { upstreamStatus: outcome.upstreamStatus, detail: outcome.detail };
    case 'unreachable':
      return { detail: outcome.detail };
    case 'timeout':
      return {};
  }
}

function logLevel(outcome: LookupOutcome): 'info' | 'warn' | 'error' {
  if (outcome.kind === 'unauthorized') return 'error';
  if (outcome.kind === 'found' || (outcome.kind === 'not_found' && !outcome.note)) return 'info';
  return 'warn';
}

/** Every answer of the lookup paths, errors included, is serialised from its schema. */
const problemResponses = { '4xx': Problem, '5xx': Problem };

export const lookupRoute: FastifyPluginAsyncTypebox<LookupRouteOptions> = async (app, options) => {
  const { config, service, authenticator, metrics } = options;
  app.decorateRequest('principal', null);

  const authenticate = async (request: FastifyRequest) => {
    request.principal = await authenticator.authenticate(request);
  };
  const rateLimit = app.rateLimit({
    max: config.lookup.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.principal?.key ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) => {
      metrics?.rateLimited('lookup');
      return new ProblemError(
        429,
        'rate_limited',
        `at most ${context.max} lookups per minute; retry in ${context.after}`,
      );
    },
  });
  // Set before anything can fail: error replies keep the headers set so far.
  const noStore = (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.header('cache-control', 'no-store');
    done();
  };
  const common = {
    method: 'GET' as const,
    exposeHeadRoute: false,
    onRequest: [noStore, authenticate, rateLimit],
  };

  const reject = (
    request: FastifyRequest,
    reply: FastifyReply,
    refusal: InputProblem,
    attribute?: unknown,
  ) => {
    metrics?.lookupAnswered(isAttribute(attribute) ? attribute : 'none', service.transport, refusal.code);
    request.log.info(
      {
        lookup: {
          attribute: isAttribute(attribute) ? attribute : undefined,
          outcome: refusal.code,
          upstreamCalls: 0,
        },
      },
      'uniphore lookup rejected',
    );
    return sendProblem(reply, problem(400, refusal.code, refusal.detail));
  };

  app.route({
    ...common,
    url: `${LOOKUP_PATH}/:attribute/:value`,
    schema: { params: UniqueIdParams, response: { 200: UniqueIdFound, ...problemResponses } },
    // The params schema holds every rule; a refusal reaches the handler, which words it and logs it.
    attachValidation: true,
    handler: async (request, reply) => {
      const { attribute, value } = request.params;
      if (request.validationError) {
        return reject(request, reply, inputProblem(request.validationError.validation, value), attribute);
      }

      const started = performance.now();
      const result = await service.lookup(attribute, value);
      const answer = outcomeReply(result.outcome, attribute, config.history.urlTemplate);
      metrics?.lookupAnswered(attribute, service.transport, answer.code);
      request.log[logLevel(result.outcome)](
        {
          lookup: {
            attribute,
            valueHash: hashValue(value),
            transport: service.transport,
            durationMs: Math.round(performance.now() - started),
            outcome: answer.code,
            cached: result.cached,
            coalesced: result.coalesced,
            ...outcomeLogFields(result.outcome),
          },
        },
        'uniphore lookup',
      );
      reply.code(answer.status);
      if (answer.status !== 200) reply.type(PROBLEM_CONTENT_TYPE);
      return reply.send(answer.body);
    },
  });

  // Anything else under the lookup path is a malformed lookup (a raw "/" in the value, a missing
  // value or attribute): a 400 with the right code, never a route-level 404 the widget would read
  // as "no interaction".
  const malformed = async (request: FastifyRequest, reply: FastifyReply) => {
    const rest = ((request.params as { '*'?: string })['*'] ?? '').replace(/^\/+/, '');
    const [attribute = '', ...value] = rest.split('/');
    if (!isAttribute(attribute)) return reject(request, reply, ATTRIBUTE_PROBLEM);
    const detail =
      value.join('') === '' ? 'value is required' : 'value must be a single path segment: encode "/" as %2F';
    return reject(request, reply, { code: 'invalid_value', detail }, attribute);
  };
  const malformedSchema = { response: problemResponses };
  app.route({ ...common, url: `${LOOKUP_PATH}/*`, schema: malformedSchema, handler: malformed });
  app.route({ ...common, url: LOOKUP_PATH, schema: malformedSchema, handler: malformed });
};
