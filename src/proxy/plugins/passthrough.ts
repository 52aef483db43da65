// /api/v2/* (HTTP and the CometD long-poll endpoint) goes to GWS, so the browser talks to one origin
// and needs no CORS on GWS. Bodies are streamed, never parsed, and bounded (body-limit.ts); cookies
// and the CSRF headers travel both ways, hop-by-hop and forwarding headers do not (proxy-headers.ts).
// /api/sim/* reaches the embedded simulator's control API when present.

import type { ServerResponse } from 'node:http';
import httpProxy, { type FastifyHttpProxyOptions } from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { ProblemError } from '../problem';
import { bodyTooLargeIn, limitRequestBodies } from './body-limit';
import { upstreamRequestHeaders, withoutHopByHop } from './proxy-headers';

/** CometD holds a connect ~25–30 s; upstream timeouts must comfortably exceed that. */
export const PASSTHROUGH_TIMEOUT_MS = 120_000;
/** How long a connection to GWS may sit idle in the pool. */
const PASSTHROUGH_IDLE_MS = 4_000;

/**
 * GWS may scope its session cookie to its own host; in front of it we are the host. Everything
 * else in Set-Cookie (Path, Secure, HttpOnly, SameSite) is kept.
 */
export function stripCookieDomain(setCookie: string): string {
  return setCookie
    .split(';')
    .filter((part, index) => index === 0 || !/^\s*domain\s*=/i.test(part))
    .join(';');
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * Upstream CORS headers would widen our own policy; X-Powered-By only advertises the stack; GWS's
 * hop-by-hop headers (its `Connection: keep-alive`) describe its connection to us, not ours to the client.
 */
export function rewriteUpstreamHeaders(headers: Headers): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(withoutHopByHop(headers))) {
    const lower = name.toLowerCase();
    if (lower.startsWith('access-control-') || lower === 'x-powered-by') continue;
    if (lower === 'set-cookie' && value !== undefined) {
      out[name] = Array.isArray(value) ? value.map(stripCookieDomain) : stripCookieDomain(value);
      continue;
    }
    out[name] = value;
  }
  return out;
}

function isTimeout(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    code === 'FST_REPLY_FROM_GATEWAY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'FST_REPLY_FROM_TIMEOUT' ||
    error.name === 'TimeoutError'
  );
}

function proxyOptions(
  upstream: URL,
  prefix: string,
  rewritePrefix: string,
  label: string,
): FastifyHttpProxyOptions {
  return {
    upstream: upstream.origin,
    prefix,
    rewritePrefix,
    // Node's HTTP client rather than reply-from's default undici pool: held CometD long-polls occupy
    // one upstream connection each (HTTP/1.1, one request at a time), and undici's pool looks for a
    // free connection by scanning all of them, twice per request: with 9,000 polls held that scan
    // was 30 % of the proxy's CPU and set the event delay's p99. Node's agent keeps its free sockets
    // in a list, and took ~30 % less memory per held poll (bench/long-polls.ts).
    http: {
      agentOptions: {
        keepAlive: true,
        // reply-from would cap these at 2048 (undici's pool at 128): the 2049th agent's poll would
        // queue behind the others for ~25 s and its CometD session expire. The client connections
        // bound them.
        maxSockets: Number.POSITIVE_INFINITY,
        maxFreeSockets: Number.POSITIVE_INFINITY,
        // A connection idle this long is closed (GWS's Keep-Alive hint, when shorter, wins), as
        // undici did, so that it is not reused just as GWS closes it.
        timeout: PASSTHROUGH_IDLE_MS,
        scheduling: 'lifo',
      },
      // reply-from defaults to rejectUnauthorized: false; we talk to GWS over verified TLS only.
      requestOptions: { timeout: PASSTHROUGH_TIMEOUT_MS, rejectUnauthorized: true },
    },
    // A passthrough retries nothing: a repeated POST could place a second call.
    retryMethods: [],
    disableRequestLogging: true,
    replyOptions: {
      rewriteRequestHeaders: (request, headers) =>
        upstreamRequestHeaders(headers, {
          ips: request.ips ?? [request.ip],
          protocol: request.protocol,
          host: request.host,
        }) as typeof headers,
      rewriteHeaders: (headers) => rewriteUpstreamHeaders(headers as Headers) as typeof headers,
      onError: (reply, { error }) => {
        const tooLarge = bodyTooLargeIn(error);
        if (tooLarge) return void reply.send(tooLarge);
        reply.log.warn({ err: error, passthrough: label }, `${label} passthrough failed`);
        reply.send(
          isTimeout(error)
            ? new ProblemError(504, 'upstream_timeout', `${label} did not answer in time`)
            : new ProblemError(502, 'upstream_unreachable', `${label} could not be reached`),
        );
      },
    },
  };
}

const basePath = (url: URL) => url.pathname.replace(/\/+$/, '');

/** `url` (a request URL, query included) is `path` or below it. */
function isUnderPath(url: string, path: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * CometD requests still open when the server closes are cut at once: a long-poll is held ~30 s and
 * carries nothing in flight, and its client reconnects straight away (to another replica, or to this
 * one restarted). Waiting for them made a restart take half a minute of missed calls.
 */
function cutNotificationsOnClose(app: FastifyInstance, notificationsPath: string): void {
  const open = new Set<ServerResponse>();
  app.addHook('onRequest', (request, reply, done) => {
    if (isUnderPath(request.url, notificationsPath)) {
      const raw = reply.raw;
      open.add(raw);
      raw.once('close', () => open.delete(raw));
    }
    done();
  });
  app.addHook('preClose', async () => {
    for (const raw of open) raw.destroy();
  });
}

/** /api/v2/* and the CometD endpoint to GWS; a notifications path under /api/v2 needs nothing more. */
export async function registerGwsPassthrough(app: FastifyInstance, config: Config): Promise<void> {
  const notifications = config.gws.notificationsPath;
  const { bodyLimitBytes, notificationsBodyLimitBytes } = config.passthrough;
  cutNotificationsOnClose(app, notifications);
  // One scope for the passthroughs, so that their hooks apply to nothing else.
  await app.register(async (scope) => {
    limitRequestBodies(scope, (url) =>
      isUnderPath(url, notifications) ? notificationsBodyLimitBytes : bodyLimitBytes,
    );
    const gws = new URL(config.gws.url);
    await scope.register(httpProxy, proxyOptions(gws, '/api/v2', `${basePath(gws)}/api/v2`, 'GWS'));
    if (!notifications.startsWith('/api/v2/')) {
      await scope.register(
        httpProxy,
        proxyOptions(gws, notifications, `${basePath(gws)}${notifications}`, 'GWS'),
      );
    }
  });
}

/** /api/sim/* to the embedded simulator's control API, when there is one. */
export async function registerSimulatorPassthrough(app: FastifyInstance, config: Config): Promise<void> {
  if (config.simulatorControlUrl === undefined) return;
  const sim = new URL(config.simulatorControlUrl);
  await app.register(httpProxy, proxyOptions(sim, '/api/sim', basePath(sim) || '/', 'Simulator'));
}
