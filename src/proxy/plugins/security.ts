// Response headers that make the widget safe to embed where (and only where) the administrator
// allows: CSP frame-ancestors governs embedding, so X-Frame-Options is deliberately absent (it
// cannot express an allowlist and would block the agent desktop). CORS stays closed by default.
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/** Preflights are answered here, never forwarded: GWS's own CORS policy must not widen ours. */
export function corsHook(allowed: readonly string[]) {
  const origins = new Set(allowed);
  return async (request: FastifyRequest, reply: FastifyReply) => {
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
    if (!isPreflight) return;
    if (permitted) {
      const requested = request.headers['access-control-request-headers'];
      reply.header('access-control-allow-methods', ALLOWED_METHODS);
      if (typeof requested === 'string' && HEADER_LIST.test(requested)) {
        reply.header('access-control-allow-headers', requested);
      }
      reply.header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  };
}

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    frameguard: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', corsHook(config.corsOrigins));
}
