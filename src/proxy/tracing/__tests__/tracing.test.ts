// Traces through the whole app: spans exported to an in-memory exporter (and, for the real wiring,
// to a local OTLP/HTTP receiver), a fake Uniphore on a real socket recording the headers it gets.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authHeader, type Env, testConfig } from '../../__tests__/support/env';
import { RecordingUpstream } from '../../__tests__/support/recording-upstream';
import { buildApp } from '../../app';
import { startTracing, type Tracing, UPSTREAM_SPAN } from '../tracing';

const VALUE = '4155550123';
const LOOKUP = `/api/uniphore/unique-id/dtmf/${VALUE}`;
const ROUTE_SPAN = 'GET /api/uniphore/unique-id/:attribute/:value';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

/** Uniphore REST on a real socket, answering every lookup with one id and recording its headers. */
let uniphore: RecordingUpstream;
let app: FastifyInstance | undefined;
let tracing: Tracing | undefined;
/** A new one per test: shutting tracing down shuts its exporter down for good. */
let exporter = new InMemorySpanExporter();
beforeAll(async () => {
  uniphore = await new RecordingUpstream().start();
});
afterAll(async () => uniphore.close());
afterEach(async () => {
  await app?.close();
  await tracing?.shutdown();
  app = undefined;
  tracing = undefined;
  uniphore.reset();
});

async function setup(env: Env = {}, traced = true) {
  uniphore.body = 'uid-77';
  exporter = new InMemorySpanExporter();
  tracing = traced ? startTracing({ spanProcessor: new SimpleSpanProcessor(exporter) }) : undefined;
  app = await buildApp(testConfig({ UNIPHORE_URL: uniphore.origin, LOOKUP_CACHE_TTL_MS: '0', ...env }), {
    logger: false,
    ...(tracing ? { tracing } : {}),
  });
  return app;
}

const spanNamed = (spans: ReadableSpan[], name: string) => {
  const span = spans.find((s) => s.name === name);
  if (!span) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return span;
};

/** The chain of parents from a span up to its trace's root within these spans. */
function ancestors(spans: ReadableSpan[], span: ReadableSpan): ReadableSpan[] {
  const chain: ReadableSpan[] = [];
  let parentId = span.parentSpanContext?.spanId;
  for (;;) {
    const parent = spans.find((s) => s.spanContext().spanId === parentId);
    if (!parent) return chain;
    chain.push(parent);
    parentId = parent.parentSpanContext?.spanId;
  }
}

describe('tracing (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  it('continues the caller’s traceparent through the lookup route into the Uniphore call', async () => {
    const app = await setup();
    const response = await app.inject({
      url: LOOKUP,
      headers: { ...authHeader, traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(response.statusCode).toBe(200);
    const spans = exporter.getFinishedSpans();

    const route = spanNamed(spans, ROUTE_SPAN);
    expect(route.kind).toBe(SpanKind.SERVER);
    expect(route.spanContext().traceId).toBe(TRACE_ID);
    expect(route.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(route.attributes).toMatchObject({
      'http.route': '/api/uniphore/unique-id/:attribute/:value',
      'http.request.method': 'GET',
      'http.response.status_code': 200,
    });

    const upstream = spanNamed(spans, UPSTREAM_SPAN);
    expect(upstream.kind).toBe(SpanKind.CLIENT);
    expect(upstream.spanContext().traceId).toBe(TRACE_ID);
    expect(ancestors(spans, upstream)).toContain(route);
    expect(upstream.attributes).toMatchObject({
      'uhw.transport': 'rest',
      'uhw.attribute': 'dtmf',
      'uhw.outcome': 'found',
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
    });

    // Uniphore is told the upstream span as its parent, in the same trace.
    expect(uniphore.seen).toHaveLength(1);
    expect(uniphore.seen[0]?.headers.traceparent).toBe(`00-${TRACE_ID}-${upstream.spanContext().spanId}-01`);
    // The looked-up value (a caller's number) is in no span.
    expect(JSON.stringify(spans.map((s) => [s.name, s.attributes]))).not.toContain(VALUE);
  });

  it('starts a trace of its own without a traceparent, and marks a failed Uniphore call', async () => {
    const app = await setup({ UNIPHORE_URL: 'http://127.0.0.1:9' });
    const response = await app.inject({ url: LOOKUP, headers: authHeader });
    expect(response.statusCode).toBe(502);
    const spans = exporter.getFinishedSpans();
    const route = spanNamed(spans, ROUTE_SPAN);
    expect(route.parentSpanContext).toBeUndefined();
    expect(route.spanContext().traceId).not.toBe(TRACE_ID);
    const upstream = spanNamed(spans, UPSTREAM_SPAN);
    expect(upstream.spanContext().traceId).toBe(route.spanContext().traceId);
    expect(upstream.attributes['uhw.outcome']).toBe('unreachable');
    expect(upstream.status).toMatchObject({ code: 2, message: 'unreachable' });
  });

  it('traces the lookup route only', async () => {
    const app = await setup();
    expect((await app.inject({ url: '/api/config' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('tracing off (no endpoint)', () => {
  it('passes no traceparent upstream, not even the caller’s', async () => {
    const app = await setup({}, false);
    const response = await app.inject({
      url: LOOKUP,
      headers: { ...authHeader, traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(response.statusCode).toBe(200);
    expect(uniphore.seen).toHaveLength(1);
    expect(uniphore.seen[0]?.headers).not.toHaveProperty('traceparent');
  });
});

describe('export over OTLP/HTTP', () => {
  it('sends the spans to {OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces, flushed when the app closes', async () => {
    const received: Array<{ url: string; type: string | undefined; body: unknown }> = [];
    const collector = http.createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        text += chunk;
      });
      req.on('end', () => {
        received.push({ url: req.url ?? '', type: req.headers['content-type'], body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    collector.listen(0, '127.0.0.1');
    await once(collector, 'listening');
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/otlp`;
    try {
      const app = await setup({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, false);
      const response = await app.inject({
        url: LOOKUP,
        headers: { ...authHeader, traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
      });
      expect(response.statusCode).toBe(200);
      await app.close();
      expect(received.length).toBeGreaterThan(0);
      expect(received[0]).toMatchObject({ url: '/otlp/v1/traces', type: 'application/json' });
      const text = JSON.stringify(received.map((r) => r.body));
      expect(text).toContain('"service.name"');
      expect(text).toContain('uniphore-history-widget');
      expect(text).toContain(ROUTE_SPAN);
      expect(text).toContain(UPSTREAM_SPAN);
      expect(text).toContain(TRACE_ID);
      expect(text).not.toContain(VALUE);
      expect(uniphore.seen[0]?.headers.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    } finally {
      collector.closeAllConnections();
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
