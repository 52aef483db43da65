// GET /api/diagnostics and GET /api/diagnostics/lookup/:attribute/:value: the proxy's side of the
// diagnostics view. Any caller the widget's routes accept learns how the proxy sees it (auth mode,
// roles, the names of its JWT's claims); a caller holding one of ADMIN_ROLES also gets the proxy's
// view of the deployment and may run a lookup straight at Uniphore. Nothing secret is ever in an
// answer, and the looked-up value is in no answer and no log line (a hash, as the lookup route logs).
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import {
  DIAGNOSTICS_PATH,
  DiagnosticsAnswer,
  type DiagnosticsCaller,
  DiagnosticsLookup,
  type DiagnosticsProxy,
} from '../../shared/diagnostics';
import { Problem, UniqueIdParams } from '../../shared/lookup-api';
import type { Config } from '../config';
import { hashValue } from '../logging';
import { historyUrl } from '../lookup/history-url';
import type { Authenticator, Principal } from '../plugins/auth';
import { ProblemError } from '../problem';
import type { UniphoreClient } from '../uniphore/client';

export interface DiagnosticsRoutesOptions {
  config: Config;
  authenticator: Authenticator;
  /** Straight to Uniphore: the test lookup must not be answered by the cache. */
  client: UniphoreClient;
  ready(): Promise<boolean>;
  redis(): 'up' | 'down' | 'off';
}

/** An admin: a user with one of ADMIN_ROLES; with PROXY_AUTH=none, everyone (nothing is checked there). */
export function isAdmin(config: Config, principal: Principal): boolean {
  if (config.auth.mode === 'none') return true;
  return (principal.user?.roles ?? []).some((role) => config.adminRoles.includes(role));
}

function caller(config: Config, principal: Principal): DiagnosticsCaller {
  const roles = principal.user?.roles ?? [];
  const answer: DiagnosticsCaller = {
    auth: config.auth.mode,
    user: principal.user !== undefined,
    roles: [...roles],
    supervisor:
      config.auth.mode === 'none' || roles.some((role) => config.feed.supervisorRoles.includes(role)),
    admin: isAdmin(config, principal),
  };
  if (config.auth.mode === 'jwt' && config.auth.jwt) {
    answer.jwt = { claims: principal.claimNames ?? [], rolesClaim: config.auth.jwt.rolesClaim };
  }
  return answer;
}

async function proxyView(options: DiagnosticsRoutesOptions): Promise<DiagnosticsProxy> {
  const { config } = options;
  const view: DiagnosticsProxy = {
    simulator: config.simulatorControlUrl !== undefined,
    uniphoreReachable: await options.ready(),
    transport: options.client.transport,
    uniphoreOrigin: new URL(config.uniphore.url).origin,
    redis: options.redis(),
    lookupOrder: config.lookup.order.map((step) => ({ attribute: step.attribute, source: step.source })),
    history: {
      origin: config.history.origin,
      sampleUrl: historyUrl(config.history.urlTemplate, 'uhw-diagnostics'),
      warmup: config.history.warmup.mode,
    },
    gws: { origin: new URL(config.gws.url).origin, notificationsPath: config.gws.notificationsPath },
    frameAncestors: [...config.frameAncestors],
    supervisorRoles: [...config.feed.supervisorRoles],
    adminRoles: [...config.adminRoles],
  };
  const { jwt } = config.auth;
  if (config.auth.mode === 'jwt' && jwt) {
    view.jwt = {
      issuer: jwt.issuer,
      audience: [...jwt.audience],
      jwksOrigin: new URL(jwt.jwksUrl).origin,
      rolesClaim: jwt.rolesClaim,
    };
  }
  return view;
}

const noStore = (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
  reply.header('cache-control', 'no-store');
  done();
};

export async function diagnosticsRoutes(
  app: FastifyInstance,
  options: DiagnosticsRoutesOptions,
): Promise<void> {
  const { config, authenticator, client } = options;
  if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
  const authenticate = async (request: FastifyRequest) => {
    request.principal = await authenticator.authenticate(request);
  };
  const admin = async (request: FastifyRequest) => {
    if (!isAdmin(config, request.principal as Principal)) {
      throw new ProblemError(
        403,
        'forbidden',
        `only ${config.adminRoles.join(', ')} may run the proxy's checks`,
      );
    }
  };
  const rateLimit = app.rateLimit({
    max: config.lookup.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `diagnostics:${request.principal?.key ?? `ip:${request.ip}`}`,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(
        429,
        'rate_limited',
        `at most ${context.max} checks per minute; retry in ${context.after}`,
      ),
  });

  app.get(DIAGNOSTICS_PATH, {
    onRequest: [noStore, authenticate, rateLimit],
    schema: { response: { 200: DiagnosticsAnswer, '4xx': Problem, '5xx': Problem } },
    handler: async (request) => {
      const principal = request.principal as Principal;
      const answer: DiagnosticsAnswer = { caller: caller(config, principal) };
      if (answer.caller.admin) answer.proxy = await proxyView(options);
      return answer;
    },
  });

  app.get(`${DIAGNOSTICS_PATH}/lookup/:attribute/:value`, {
    onRequest: [noStore, authenticate, admin, rateLimit],
    validatorCompiler: TypeBoxValidatorCompiler,
    schema: { params: UniqueIdParams, response: { 200: DiagnosticsLookup, '4xx': Problem, '5xx': Problem } },
    handler: async (request) => {
      const { attribute, value } = request.params as UniqueIdParams;
      const started = performance.now();
      const outcome = await client.lookup(attribute, value);
      const ms = Math.round((performance.now() - started) * 10) / 10;
      request.log.info(
        { diagnostics: { attribute, valueHash: hashValue(value), outcome: outcome.kind, ms } },
        'diagnostics test lookup',
      );
      const answer: DiagnosticsLookup = { outcome: outcome.kind, ms, transport: client.transport };
      if ('upstreamStatus' in outcome) answer.upstreamStatus = outcome.upstreamStatus;
      if (outcome.kind === 'found') answer.uniqueIdLength = outcome.uniqueId.length;
      return answer;
    },
  });
}
