// The Uniphore Interact stand-in (reference/000): the REST and SOAP "Get Interaction Unique ID"
// methods with their header checks and quirks, the WSDL, and one history page per unique ID.

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isAttribute } from '../../shared/lookup-constants';
import type { SimulatorState } from '../state';
import { historyPage, unknownHistoryPage } from './history-page';
import {
  fault,
  notFoundResponse,
  parseUniqueIdRequest,
  unauthorizedFault,
  uniqueIdResponse,
  wsdl,
} from './soap';

const UNAUTHORIZED_BODY = {
  code: '0x7000000',
  message: 'Request is unauthorized, missing or wrong credentials',
  moreInfoUrl: 'http://support.uniphore.com',
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why the three headers fail, or null when they match the tenant. */
function credentialProblem(state: SimulatorState, request: FastifyRequest): string | null {
  const { tenantId, applicationKey, environmentName } = state.credentials;
  const header = (name: string) => request.headers[name.toLowerCase()];
  if (
    header('Tenant-Id') === undefined ||
    header('Application-Key') === undefined ||
    header('Environment-Name') === undefined
  ) {
    return 'Missing security headers';
  }
  if (header('Tenant-Id') !== tenantId) return 'Unknown tenant';
  if (header('Application-Key') !== applicationKey) return 'Invalid application key';
  if (header('Environment-Name') !== environmentName) return 'Unknown environment';
  return null;
}

export function buildUniphoreApp(
  state: SimulatorState,
  https?: { cert: Buffer; key: Buffer },
): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { maxParamLength: 2048 },
    ...(https ? { https } : {}),
  }) as unknown as FastifyInstance;
  app.addContentTypeParser(
    ['text/xml', 'application/soap+xml'],
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/interact/') || request.url.endsWith('.wsdl')) return;
    state.stats.uniphoreReceived += 1;
    request.raw.once('close', () => {
      if (!reply.raw.writableFinished && !reply.raw.headersSent) state.stats.uniphoreAborted += 1;
    });
  });

  /** Applies the Uniphore fault mode; true when the reply has already been dealt with. */
  async function applyFault(
    request: FastifyRequest,
    reply: FastifyReply,
    transport: 'rest' | 'soap',
  ): Promise<boolean> {
    const { mode, delayMs } = state.faults.uniphore;
    const slow = mode === 'slow' ? Math.max(delayMs, 30_000) : delayMs;
    if (slow > 0) await wait(slow);
    const rawPath = request.raw.url ?? '';
    switch (mode) {
      case 'reset':
        state.stats.recordUniphore({ transport, rawPath, status: 0 });
        request.raw.socket.destroy();
        reply.hijack();
        return true;
      case 'error500':
        state.stats.recordUniphore({ transport, rawPath, status: 500 });
        if (transport === 'soap')
          reply.code(500).type('text/xml').send(fault('SOAP-ENV:Server', 'Internal error'));
        else reply.code(500).type('text/html').send('<html><body>Internal Server Error</body></html>');
        return true;
      case 'malformed':
        state.stats.recordUniphore({ transport, rawPath, status: 200 });
        reply
          .code(200)
          .type(transport === 'soap' ? 'text/xml' : 'text/html')
          .send(
            transport === 'soap' ? '<SOAP-ENV:Envelope><broken' : '<html><body>Maintenance</body></html>',
          );
        return true;
      case 'empty':
        state.stats.recordUniphore({ transport, rawPath, status: 200 });
        if (transport === 'soap') reply.code(200).type('text/xml').send(uniqueIdResponse(''));
        else reply.code(200).type('text/plain').send('');
        return true;
      case 'not-found-in-200':
        // Some deployments answer REST misses like the SOAP quirk: a 200 whose body is the sentence.
        state.stats.recordUniphore({ transport, rawPath, status: 200 });
        if (transport === 'soap') reply.code(200).type('text/xml').send(notFoundResponse('unknown'));
        else reply.code(200).type('text/plain').send('UUID for attribute unknown was not found');
        return true;
      default:
        return false;
    }
  }

  app.get<{ Params: { version: string; accountId: string; attribute: string; value: string } }>(
    '/interact/agent/version/:version/account/:accountId/uniqueId/:attribute/:value',
    async (request, reply) => {
      if (await applyFault(request, reply, 'rest')) return reply;
      const { version, accountId, attribute, value } = request.params;
      const rawPath = request.raw.url ?? '';
      const log = (status: number) =>
        state.stats.recordUniphore({ transport: 'rest', rawPath, attribute, value, status });
      const problem =
        state.faults.uniphore.mode === 'unauthorized'
          ? 'Invalid application key'
          : credentialProblem(state, request);
      if (problem || accountId !== state.credentials.accountId) {
        log(401);
        return reply
          .code(401)
          .header('Unauthenticated-Reason', problem ?? 'Unknown account')
          .type('application/json')
          .send(UNAUTHORIZED_BODY);
      }
      if (version !== state.credentials.apiVersion || !isAttribute(attribute)) {
        log(404);
        return reply.code(404).type('text/plain').send(`Unsupported attribute ${attribute}`);
      }
      const uniqueId = state.records.find(attribute, value);
      if (!uniqueId) {
        log(404);
        return reply.code(404).type('text/plain').send(`UUID for attribute ${value} was not found`);
      }
      log(200);
      return reply.code(200).type('text/plain').send(uniqueId);
    },
  );

  app.get('/interact/version/:version/agent/soap/agent.wsdl', async (request, reply) => {
    const { version } = request.params as { version: string };
    return reply.type('text/xml').send(wsdl(`${state.uniphoreUrl}/interact/version/${version}/agent/soap`));
  });

  app.post('/interact/version/:version/agent/soap', async (request, reply) => {
    if (await applyFault(request, reply, 'soap')) return reply;
    const rawPath = request.raw.url ?? '';
    const parsed = parseUniqueIdRequest(typeof request.body === 'string' ? request.body : '');
    const log = (status: number, attribute?: string, value?: string) =>
      state.stats.recordUniphore({ transport: 'soap', rawPath, attribute, value, status });
    if (state.faults.uniphore.mode === 'unauthorized' || credentialProblem(state, request)) {
      log(500);
      return reply.code(500).type('text/xml').send(unauthorizedFault());
    }
    if ('error' in parsed) {
      log(500);
      return reply.code(500).type('text/xml').send(fault('SOAP-ENV:Client', parsed.error));
    }
    const { searchCreteria, searchValue } = parsed;
    const uniqueId = isAttribute(searchCreteria)
      ? state.records.find(searchCreteria, searchValue)
      : undefined;
    log(200, searchCreteria, searchValue);
    return reply
      .code(200)
      .type('text/xml')
      .send(uniqueId ? uniqueIdResponse(uniqueId) : notFoundResponse(searchValue));
  });

  app.get<{ Params: { uniqueId: string } }>('/history/:uniqueId', async (request, reply) => {
    if (!state.faults.history.frameable) {
      reply.header('X-Frame-Options', 'DENY').header('Content-Security-Policy', "frame-ancestors 'none'");
    }
    const { uniqueId } = request.params;
    if (!state.records.knows(uniqueId))
      return reply.code(404).type('text/html').send(unknownHistoryPage(uniqueId));
    return reply.type('text/html; charset=utf-8').send(historyPage(uniqueId));
  });

  return app;
}
