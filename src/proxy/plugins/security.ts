// Response headers that make the widget safe to embed where (and only where) the administrator
// allows: CSP frame-ancestors governs embedding, so X-Frame-Options is deliberately absent (it
// cannot express an allowlist and would block the agent desktop). CORS stays closed by default.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config';

export function contentSecurityPolicy(config: Config): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    // The cometd client keeps its timers in a blob: worker, so that a background tab's throttled
    // timers cannot starve the long-poll heartbeat.
    workerSrc: ["'self'", 'blob:'],
    frameSrc: [config.history.origin],
    frameAncestors: [...config.frameAncestors],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  };
}

const EXPOSED_HEADERS = 'X-CSRF-HEADER, X-CSRF-TOKEN, X-Request-Id, Retry-After';
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const HEADER_LIST = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;

function appendVary(reply: FastifyReply, value: string): void {
  const current = reply.getHeader('vary');
  if (typeof current !== 'string' || current === '') reply.header('vary', value);
  else if (!current.split(/\s*,\s*/).includes(value)) reply.header('vary', `${current}, ${value}`);
}

/**
 * Helmet's headers for this configuration, computed once: they never vary by request, and
 * @fastify/helmet rebuilt (and re-parsed the CSP of) its middleware on every request, the largest
 * cost of a cached lookup after the socket itself.
 */
export function securityHeaders(config: Config): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    frameguard: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/** Preflights are answered here, never forwarded: GWS's own CORS policy must not widen ours. */
export function corsHook(allowed: readonly string[]) {
  const origins = new Set(allowed);
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const origin = request.headers.origin;
    const isPreflight =
      request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (origins.size > 0) appendVary(reply, 'Origin');
    const permitted = typeof origin === 'string' && origins.has(origin);
    if (permitted) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    if (!isPreflight) return done();
    if (permitted) {
      const requested = request.headers['access-control-request-headers'];
      reply.header('access-control-allow-methods', ALLOWED_METHODS);
      if (typeof requested === 'string' && HEADER_LIST.test(requested)) {
        reply.header('access-control-allow-headers', requested);
      }
      reply.header('access-control-max-age', '600');
    }
    // Answered: a callback hook that replies does not call done().
    reply.code(204).send();
  };
}

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders(config);
  // Callback-style hooks: an async one costs a promise and a microtask on every request.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onRequest', corsHook(config.corsOrigins));
}
