// POST /api/pops (an agent's widget reports a settled pop) and GET /api/pops/stream (supervisors
// watch every agent's pops, as Server-Sent Events). Both authenticate like the lookup route; the
// agent is who the authenticator says, never what the report says; the stream is for supervisors.
import type { ServerResponse } from 'node:http';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Problem } from '../../shared/lookup-api';
import { FEED_EVENTS, type FeedAgent, type FeedEntry, PopAccepted } from '../../shared/pop-feed';
import { POPS_PATH, POPS_STREAM_PATH } from '../../shared/pop-feed-constants';
import { PopReport } from '../../shared/pop-report';
import type { Config } from '../config';
import { historyUrlMatcher } from '../history/history-url-match';
import type { Metrics } from '../metrics/metrics';
import type { Authenticator, Principal } from '../plugins/auth';
import { renderError } from '../plugins/errors';
import { ProblemError } from '../problem';
import { parseFeedId } from './feed-id';
import { SSE_HEADERS, sseComment, sseEvent, sseRetry } from './sse';
import type { FeedState, TeamFeed } from './team-feed';

export interface FeedRoutesOptions {
  config: Config;
  feed: TeamFeed;
  authenticator: Authenticator;
  /** Reports (with the time to pop they carry) and open streams are counted. */
  metrics?: Pick<Metrics, 'popReported' | 'sseSubscribers'>;
}

/** A report is a few hundred bytes; this leaves room for long history URLs and nothing more. */
export const REPORT_BODY_LIMIT_BYTES = 8 * 1024;
/** The browser reconnects this long after a stream ends (a replica closing, a proxy timeout). */
export const SSE_RETRY_MS = 1_000;
/** A subscriber this far behind (a stalled connection) is cut; it reconnects and resumes by its id. */
export const MAX_UNSENT_BYTES = 1 << 20;

/** One serialisation (and one UTF-8 encoding) per entry, however many supervisors are watching. */
const frames = new WeakMap<FeedEntry, Buffer>();
function popFrame(entry: FeedEntry): Buffer {
  let frame = frames.get(entry);
  if (frame === undefined) {
    frame = Buffer.from(sseEvent(FEED_EVENTS.pop, entry.id, entry), 'utf8');
    frames.set(entry, frame);
  }
  return frame;
}

/**
 * Who the feed names. A mode that knows no user (PROXY_AUTH=token: a shared token; none) is named by
 * its principal key (`token:<address>`, `ip:<address>`): supervisors can still tell clients apart.
 */
export function feedAgent(principal: Principal): FeedAgent {
  const { user } = principal;
  if (!user) return { id: principal.key };
  const agent: FeedAgent = { id: user.id };
  if (user.userName !== undefined) agent.userName = user.userName;
  if (user.firstName !== undefined) agent.firstName = user.firstName;
  if (user.lastName !== undefined) agent.lastName = user.lastName;
  return agent;
}

/** Supervisors only: a user with one of SUPERVISOR_ROLES; with PROXY_AUTH=none, anyone (nothing is checked there). */
export function maySeeFeed(config: Config, principal: Principal): boolean {
  if (config.auth.mode === 'none') return true;
  const roles = principal.user?.roles ?? [];
  return roles.some((role) => config.feed.supervisorRoles.includes(role));
}

const noStore = (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
  reply.header('cache-control', 'no-store');
  done();
};

export async function feedRoutes(app: FastifyInstance, options: FeedRoutesOptions): Promise<void> {
  const { config, feed, authenticator, metrics } = options;
  // Supervisors open a row's history: only a page of the configured history site, for that very id.
  const historyPageOf = historyUrlMatcher(config.history.urlTemplate);
  if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
  const authenticate = async (request: FastifyRequest) => {
    request.principal = await authenticator.authenticate(request);
  };
  const rateLimit = app.rateLimit({
    max: config.lookup.rateLimitPerMinute,
    timeWindow: 60_000,
    // Its own counter: reports do not eat into the caller's lookups.
    keyGenerator: (request) => `report:${request.principal?.key ?? `ip:${request.ip}`}`,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(
        429,
        'rate_limited',
        `at most ${context.max} reports per minute; retry in ${context.after}`,
      ),
  });

  app.post(POPS_PATH, {
    onRequest: [noStore, authenticate, rateLimit],
    bodyLimit: REPORT_BODY_LIMIT_BYTES,
    // The TypeBox checker refuses unknown properties; Fastify's default Ajv would silently drop them.
    validatorCompiler: TypeBoxValidatorCompiler,
    schema: { body: PopReport, response: { 202: PopAccepted, '4xx': Problem, '5xx': Problem } },
    errorHandler: (error, request, reply) => {
      if (error instanceof ProblemError) return renderError(error, request, reply);
      const status = (error as { statusCode?: number }).statusCode;
      // Not JSON, not a PopReport, not application/json: the same answer, and nothing recorded.
      if (error.validation || status === 400 || status === 415) {
        const detail = error.validation
          ? `the report does not match PopReport: ${error.message}`
          : error.message;
        return renderError(new ProblemError(400, 'invalid_report', detail), request, reply);
      }
      return renderError(error, request, reply);
    },
    handler: async (request, reply) => {
      const principal = request.principal as Principal;
      const report = request.body as PopReport;
      if (report.historyUrl !== undefined && historyPageOf(report.historyUrl) !== report.uniqueId) {
        throw new ProblemError(
          400,
          'invalid_report',
          'historyUrl is not the configured history page of the report’s uniqueId',
        );
      }
      const entry = await feed.publish(feedAgent(principal), report);
      // Time to pop as the agent saw it: the service-level indicator of this product.
      metrics?.popReported(report);
      return reply.code(202).send({ id: entry.id });
    },
  });

  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    // Ended at once, not waited out: each browser reconnects (to another replica, or this one
    // restarted) and resumes from its Last-Event-ID.
    for (const raw of open) raw.end();
  });

  const authorize = async (request: FastifyRequest) => {
    if (!maySeeFeed(config, request.principal as Principal)) {
      throw new ProblemError(403, 'forbidden', 'only supervisors see the team feed');
    }
  };

  app.get(POPS_STREAM_PATH, {
    onRequest: [noStore, authenticate, authorize],
    exposeHeadRoute: false,
    schema: { response: { '4xx': Problem, '5xx': Problem } },
    handler: async (request, reply) => {
      const header = request.headers['last-event-id'];
      const lastEventId = typeof header === 'string' && parseFeedId(header) ? header : undefined;
      // Written straight to the socket, one write per event: no stream machinery between the feed and
      // the client, and nothing Fastify could buffer or compress. Headers set by hooks so far
      // (security headers, request id) go out with the stream's own.
      reply.hijack();
      const raw: ServerResponse = reply.raw;
      raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...SSE_HEADERS });
      let lastSent = lastEventId ?? '0-0';
      const write = (chunk: string | Buffer) => {
        // A client this far behind (a stalled connection) is cut; it reconnects and resumes by its id.
        if (raw.writableLength > MAX_UNSENT_BYTES) return void raw.destroy();
        raw.write(chunk);
      };
      const sendEntry = (entry: FeedEntry) => {
        lastSent = entry.id;
        write(popFrame(entry));
      };
      // A status event carries the id of the last pop this client got, so its Last-Event-ID never moves past a pop it missed.
      const sendState = (state: FeedState) => write(sseEvent(FEED_EVENTS.status, lastSent, { state }));

      const subscription = feed.subscribe(lastEventId, { entry: sendEntry, state: sendState });
      write(sseRetry(SSE_RETRY_MS));
      sendState(feed.state);
      for (const entry of subscription.backlog) sendEntry(entry);
      const heartbeat = setInterval(() => write(sseComment('keepalive')), config.feed.heartbeatMs);
      open.add(raw);
      metrics?.sseSubscribers.inc();
      const opened = performance.now();
      request.log.info(
        { feed: { replayed: subscription.backlog.length, streams: open.size } },
        'team feed stream opened',
      );
      raw.once('close', () => {
        clearInterval(heartbeat);
        subscription.close();
        open.delete(raw);
        metrics?.sseSubscribers.dec();
        request.log.info(
          { feed: { durationMs: Math.round(performance.now() - opened), streams: open.size } },
          'team feed stream closed',
        );
      });
    },
  });
}
