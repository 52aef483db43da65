// Composition root: one Fastify instance serving the widget, the lookup route, health, the widget
// config, and the GWS / simulator passthroughs. Each concern lives in its own plugin or route module.
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Clock } from './clock';
import { type Config, ConfigError } from './config';
import { diagnosticsRoutes } from './diagnostics/diagnostics-routes';
import { feedRoutes } from './feed/feed-routes';
import { historyFramingRoute } from './history/framing-route';
import { genReqId, loggerOptions, REQUEST_ID_HEADER } from './logging';
import { LookupService } from './lookup/lookup-service';
import { Metrics } from './metrics/metrics';
import { metricsExposed, registerMetrics } from './metrics/metrics-plugin';
import { createAuthenticator } from './plugins/auth';
import { installErrorHandling } from './plugins/errors';
import { answerExpectContinue } from './plugins/expect-continue';
import { registerGwsPassthrough, registerSimulatorPassthrough } from './plugins/passthrough';
import { registerSecurity } from './plugins/security';
import { registerStaticSite, type StaticSite } from './plugins/static-site';
import { problem, sendProblem } from './problem';
import { replicaState } from './replicas';
import { collidingRoute, recordRoutes } from './route-collision';
import { configRoute } from './routes/config-route';
import { fetchPing, healthRoutes, UpstreamProbe } from './routes/health-route';
import { lookupRoute } from './routes/lookup-route';
import type { Tracing } from './tracing/tracing';
import type { FetchLike, UniphoreClient } from './uniphore/client';
import { createUniphoreClient } from './uniphore/create-client';
import { fetchHttp } from './uniphore/http';
import { measuredClient } from './uniphore/measured-client';
import { UniphorePool } from './uniphore/uniphore-pool';

export { installShutdown } from './shutdown';

export interface BuildAppOptions {
  /** true (default): JSON logs at LOG_LEVEL on stdout; false: silent; an object: pino options merged over ours. */
  logger?: boolean | object;
  /** Replaces the Uniphore client chosen by UNIPHORE_TRANSPORT (tests). */
  uniphoreClient?: UniphoreClient;
  /** The fetch used towards Uniphore (instead of its connection pool), GWS session checks and the readiness probe (tests). */
  fetch?: FetchLike;
  /** The clock of every cache: lookups, GWS session verdicts, framing verdicts, readiness (tests). */
  now?: Clock;
  /** Replaces the app's own metrics (tests: a fresh registry they read). */
  metrics?: Metrics;
  /** Replaces the tracing OTEL_EXPORTER_OTLP_ENDPOINT starts (tests: an in-memory exporter; the test shuts it down). */
  tracing?: Tracing;
}

/** Only with an endpoint (or a test's tracing) is the OpenTelemetry SDK loaded at all. */
async function tracingFor(config: Config, given: Tracing | undefined) {
  if (given) return { tracing: given, owned: false };
  const endpoint = config.tracing.otlpEndpoint;
  if (endpoint === undefined) return { tracing: undefined, owned: false };
  return { tracing: (await import('./tracing/tracing')).startTracing({ endpoint }), owned: true };
}

/**
 * TRUST_PROXY_HOPS load balancers in front of us: their X-Forwarded-For/-Proto/-Host make request.ip,
 * protocol and host. A function, because Fastify 5 ignores a plain hop count (it trusts nothing for
 * a number, since the count alone cannot tell a load balancer from a client that reached the proxy
 * directly): the setting is only safe when clients can reach the proxy through the load balancer alone.
 */
function trustedHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

export async function buildApp(config: Config, options: BuildAppOptions = {}) {
  const app = Fastify({
    logger: loggerOptions(config, options.logger ?? true),
    genReqId,
    requestIdHeader: false,
    trustProxy: trustedHops(config.trustProxyHops),
    // 128 characters of 4-byte UTF-8, percent-encoded, is 1536 characters of path parameter.
    routerOptions: { maxParamLength: 2048 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Undecodable URLs never reach a route (nor its hooks): answer them here, uncacheable.
    frameworkErrors: (_error, _request, reply) => {
      reply.header('cache-control', 'no-store');
      sendProblem(reply, problem(400, 'invalid_value', 'the request URL is malformed'));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Validation stays with Fastify's compiled Ajv (TypeBox schemas are plain JSON Schema): the
  // TypeBox compiler runs an interpreted Value.Convert on every request's params, which profiled
  // as the largest single cost of a cached lookup.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });

  const ownRoutes = recordRoutes(app);
  let site: StaticSite | undefined;
  // Before any plugin: encapsulated children inherit the handlers that exist when they are created.
  installErrorHandling(app, () => site);
  answerExpectContinue(app);
  await registerSecurity(app, config);
  const replicas = await replicaState(config, app.log);
  app.addHook('onClose', () => replicas.close());
  await app.register(rateLimit, { global: false, ...replicas.rateLimit });

  const metrics = options.metrics ?? new Metrics({ defaultMetrics: metricsExposed(config) });
  const { tracing, owned } = await tracingFor(config, options.tracing);
  if (tracing && owned) app.addHook('onClose', () => tracing.shutdown());
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const pool = options.fetch ? undefined : new UniphorePool(config.uniphore);
  if (pool) app.addHook('onClose', () => pool.close());
  const uniphoreHttp = pool?.http ?? fetchHttp(fetchFn);
  const upstream =
    options.uniphoreClient ??
    createUniphoreClient(config.uniphore, tracing ? tracing.propagatingHttp(uniphoreHttp) : uniphoreHttp);
  const client = measuredClient(tracing ? tracing.tracedClient(upstream) : upstream, metrics);
  const { now } = options;
  const service = new LookupService(client, {
    ttlMs: config.lookup.cacheTtlMs,
    now,
    metrics,
    shared: replicas.sharedLookups,
  });
  // One authenticator (and one cache of GWS session verdicts) for every route that spends upstream calls.
  const authenticator = createAuthenticator(config, fetchFn, { now, metrics });
  await app.register(async (scope) => {
    // Traces cover the lookup route alone: long polls and static files are not worth a span.
    if (tracing) await scope.register(tracing.plugin);
    await scope.register(lookupRoute, { config, service, authenticator, metrics });
  });
  await app.register(feedRoutes, { config, feed: replicas.feed, authenticator, metrics });
  await app.register(configRoute, { config });
  await app.register(historyFramingRoute, { config, fetch: fetchFn, authenticator, now });
  const probe = new UpstreamProbe(
    pool ? () => pool.ping() : fetchPing(config.uniphore.url, config.uniphore.timeoutMs, fetchFn),
    now,
  );
  await app.register(healthRoutes, { probe, redis: replicas.redis });
  await app.register(diagnosticsRoutes, {
    config,
    authenticator,
    client,
    ready: () => probe.ready(),
    redis: replicas.redis,
  });
  metrics.observeReadiness(() => probe.ready());
  await registerMetrics(app, config, metrics);
  await registerSimulatorPassthrough(app, config);
  site = await registerStaticSite(app, config.staticDir);
  // Every route of the proxy's own is registered by now; GWS gets the rest.
  const collision = collidingRoute(config.gws.notificationsPath, [...ownRoutes, ...site.servedPaths]);
  if (collision !== undefined) {
    await app.close();
    throw new ConfigError([
      {
        setting: 'GWS_NOTIFICATIONS_PATH',
        message: `must lie outside the proxy’s own routes (${config.gws.notificationsPath} collides with ${collision})`,
      },
    ]);
  }
  await registerGwsPassthrough(app, config);

  app.log.info(
    {
      transport: client.transport,
      auth: config.auth.mode,
      simulator: config.simulatorControlUrl !== undefined,
      cacheTtlMs: config.lookup.cacheTtlMs,
      rateLimitPerMinute: config.lookup.rateLimitPerMinute,
      cors: config.corsOrigins.length > 0,
      metrics: { mainPort: config.metrics.token !== undefined, listener: config.metrics.port !== undefined },
      tracing: tracing !== undefined,
      redis: replicas.redis(),
    },
    'proxy configured',
  );
  return app;
}
