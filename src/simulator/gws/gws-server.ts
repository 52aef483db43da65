// The GWS stand-in: session and CSRF rules, the calls resource, UCS FindPhoneCall, the CometD
// endpoint and the stand-in WWE desktop (/ui/wwe/), on one HTTP server. CometD requests bypass
// Fastify, which must not consume their bodies.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import { FindPhoneCallRequest, GWS_NOTIFICATIONS_PATH } from '../../shared/gws-messages';
import { SIM_JWKS_PATH } from '../auth/token-issuer';
import type { SimulatorState } from '../state';
import { desktopRoutes } from '../wwe/desktop-route';
import { CSRF_HEADER_NAME, type GwsSession, parseBasic, SESSION_COOKIE } from './sessions';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function firstError(data: unknown): string {
  const [error] = Value.Errors(FindPhoneCallRequest, data);
  if (!error) return 'invalid request';
  const path =
    error.instancePath.replace(/^\//, '') ||
    (error.params as { requiredProperties?: string[] })?.requiredProperties?.join(',') ||
    'body';
  return `${path}: ${error.message}`;
}

export function buildGwsApp(state: SimulatorState, requireLogin: boolean): FastifyInstance {
  let handler: (request: IncomingMessage, response: ServerResponse) => void = () => {};
  const app = Fastify({
    logger: false,
    serverFactory: (fastifyHandler) => {
      handler = fastifyHandler;
      return createServer((request, response) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (path === GWS_NOTIFICATIONS_PATH || path.startsWith(`${GWS_NOTIFICATIONS_PATH}/`)) {
          state.cometd.handle(request, response);
        } else {
          handler(request, response);
        }
      }) as Server;
    },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  const csrfHeaders = (reply: FastifyReply, session: GwsSession) =>
    reply.header('X-CSRF-HEADER', CSRF_HEADER_NAME).header('X-CSRF-TOKEN', session.csrfToken);

  /** The session of a request, and for unsafe methods its CSRF token; answers 401/403 otherwise. */
  const requireSession = (request: FastifyRequest, reply: FastifyReply): GwsSession | null => {
    const session = state.sessions.fromCookie(request.headers.cookie);
    if (!session) {
      reply.code(401).send({ statusCode: 401, message: 'Unauthorized' });
      return null;
    }
    if (
      request.method !== 'GET' &&
      !state.sessions.csrfValid(session, request.headers[CSRF_HEADER_NAME.toLowerCase()])
    ) {
      state.stats.csrfRejected += 1;
      reply.code(403).send({ statusCode: 403, message: 'Missing or invalid Csrf token' });
      return null;
    }
    return session;
  };

  // The stand-in Workspace Web Edition, served from the GWS host as WWE is.
  app.register(desktopRoutes, { agent: state.agent });

  // The simulated Genesys Auth's public keys, for PROXY_AUTH=jwt.
  app.get(SIM_JWKS_PATH, async () => state.tokens.jwks());

  app.get('/api/v2/me', async (request, reply) => {
    let session = state.sessions.fromCookie(request.headers.cookie);
    const basic = parseBasic(request.headers.authorization);
    if (basic) {
      const signedIn = state.sessions.signIn(basic);
      if (!signedIn) return reply.code(401).send({ statusCode: 401, message: 'Bad credentials' });
      session = signedIn;
    } else if (!session && !requireLogin) {
      session = state.sessions.create();
    }
    if (!session) return reply.code(401).send({ statusCode: 401, message: 'Unauthorized' });
    reply.header('Set-Cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`);
    csrfHeaders(reply, session);
    const { agent } = session;
    return {
      statusCode: 0,
      user: {
        id: agent.userId,
        userName: agent.username,
        firstName: agent.firstName,
        lastName: agent.lastName,
        roles: agent.roles,
        uri: `${state.gwsUrl}/api/v2/users/${agent.userId}`,
      },
    };
  });

  app.post(
    '/api/v2/me',
    {
      schema: {
        body: Type.Object({
          operationName: Type.String(),
          channels: Type.Optional(Type.Array(Type.String())),
        }),
      },
    },
    async (request, reply) => {
      const session = requireSession(request, reply);
      if (!session) return reply;
      const { operationName } = request.body as { operationName: string };
      if (operationName === 'StartContactCenterSession') {
        session.contactCenterSession = true;
      } else if (operationName === 'EndContactCenterSession') {
        session.contactCenterSession = false;
        state.cometd.disconnect(session);
      } else {
        return reply.code(400).send({ statusCode: 1, message: `Unsupported operationName ${operationName}` });
      }
      return { statusCode: 0 };
    },
  );

  app.get('/api/v2/me/calls', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    csrfHeaders(reply, session);
    return {
      statusCode: 0,
      calls: state.calls.inProgress().map((call) => state.calls.toResource(call, state.faults)),
    };
  });

  app.post('/api/v2/ucs/interactions', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const body = request.body;
    if (!Value.Check(FindPhoneCallRequest, body)) {
      state.stats.ucsRejected += 1;
      return reply.code(400).send({ statusCode: 1, message: firstError(body) });
    }
    state.stats.recordFindPhoneCall(body);
    const plan = state.ucs.plan(body, state.faults.ucs);
    for (const notification of plan.before) state.cometd.deliver(state.ucs.channel, notification, session);
    // Lets the early notification reach the client before the answer does, as on a busy GWS.
    if (plan.before.length > 0) await wait(50);
    if (plan.after.length > 0) {
      const publish = () => {
        for (const notification of plan.after) state.cometd.deliver(state.ucs.channel, notification, session);
      };
      // No delay: published the moment the answer is written, as a quick GWS does.
      reply.raw.once('finish', () => (plan.delayMs > 0 ? setTimeout(publish, plan.delayMs) : publish()));
    }
    return { statusCode: 0, referenceId: plan.referenceId };
  });

  return app;
}
