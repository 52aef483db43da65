// OpenTelemetry traces of the lookup route and its Uniphore call. app.ts imports this module only
// when OTEL_EXPORTER_OTLP_ENDPOINT is set: without it none of the SDK is loaded and no hook runs.
//
// Spans: `GET /api/uniphore/unique-id/:attribute/:value` (server, @fastify/otel; continues the
// caller's W3C traceparent) → its handler → `uniphore.lookup` (client), whose traceparent is sent
// to Uniphore. A lookup that joins one in flight shares the first caller's upstream span. Neither the
// looked-up value nor the URL holding it is recorded; the route pattern stands for the path.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { context, propagation, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { FastifyPluginCallback } from 'fastify';
import type { UniphoreClient } from '../uniphore/client';
import type { UpstreamHttp } from '../uniphore/http';

export const SERVICE_NAME = 'uniphore-history-widget';
export const UPSTREAM_SPAN = 'uniphore.lookup';
/** Exports and the final flush give up after this long: a dead collector must not hold up shutdown. */
const EXPORT_TIMEOUT_MS = 5000;

export interface TracingOptions {
  /** OTLP/HTTP base URL; spans go to {endpoint}/v1/traces. */
  endpoint?: string;
  /** Replaces the batching OTLP exporter (tests: an in-memory one). */
  spanProcessor?: SpanProcessor;
}

export interface Tracing {
  /** @fastify/otel, for the routes registered beside it (its hooks stay in the registering scope). */
  readonly plugin: FastifyPluginCallback;
  /** The requests to Uniphore, sending the active span's traceparent. */
  propagatingHttp(http: UpstreamHttp): UpstreamHttp;
  /** The Uniphore client, with a client span per upstream lookup. */
  tracedClient(client: UniphoreClient): UniphoreClient;
  /** Flushes what is pending and unregisters the global context manager and propagator. */
  shutdown(): Promise<void>;
}

function upstreamSpans(tracer: Tracer, client: UniphoreClient): UniphoreClient {
  return {
    transport: client.transport,
    lookup: (attribute, value) =>
      tracer.startActiveSpan(
        UPSTREAM_SPAN,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'uhw.transport': client.transport, 'uhw.attribute': attribute },
        },
        async (span) => {
          try {
            const outcome = await client.lookup(attribute, value);
            span.setAttribute('uhw.outcome', outcome.kind);
            if ('upstreamStatus' in outcome) {
              span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, outcome.upstreamStatus);
            }
            if (outcome.kind !== 'found' && outcome.kind !== 'not_found') {
              span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.kind });
            }
            return outcome;
          } finally {
            span.end();
          }
        },
      ),
  };
}

/**
 * Only the trace context crosses to Uniphore: the W3C propagator alone, so a caller's `baggage`
 * header is never forwarded upstream.
 */
function propagating(http: UpstreamHttp): UpstreamHttp {
  return (url, request, timeoutMs) => {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    trace.getActiveSpan()?.setAttributes({
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      [ATTR_SERVER_ADDRESS]: new URL(url).hostname,
    });
    return http(url, { ...request, headers: { ...request.headers, ...carrier } }, timeoutMs);
  };
}

export function startTracing(options: TracingOptions): Tracing {
  const spanProcessor =
    options.spanProcessor ??
    new BatchSpanProcessor(
      new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces`, timeoutMillis: EXPORT_TIMEOUT_MS }),
      { exportTimeoutMillis: EXPORT_TIMEOUT_MS },
    );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: SERVICE_NAME }),
    spanProcessors: [spanProcessor],
  });
  // The context manager (AsyncLocalStorage) carries the request span into the upstream call; the
  // propagator reads the caller's traceparent (@fastify/otel) and writes Uniphore's.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const instrumentation = new FastifyOtelInstrumentation({
    // Request and handler spans: a span per hook would cost more than it tells.
    instrumentHooks: false,
    requestHook: (span, request) => {
      const route = request.routeOptions.url ?? 'unmatched';
      // The path holds the looked-up value (a caller's number): the route pattern replaces it.
      span.setAttribute(ATTR_URL_PATH, route);
      span.updateName(`${request.method} ${route}`);
    },
  });
  instrumentation.setTracerProvider(provider);
  const tracer = provider.getTracer(SERVICE_NAME);
  return {
    plugin: instrumentation.plugin(),
    propagatingHttp: propagating,
    tracedClient: (client) => upstreamSpans(tracer, client),
    async shutdown() {
      instrumentation.disable();
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
}
