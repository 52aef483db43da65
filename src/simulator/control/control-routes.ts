// The control API (/sim/*): place, answer, hold, release calls, attach data, follow the calls (SSE),
// inject faults, restart CometD, drop sessions, issue JWTs and rotate their keys, read counters,
// upload and replay captures (capture-routes.ts).
// Used by the widget's simulator panel, the stand-in WWE desktop and the e2e suite.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { GWS_CALLS_CHANNEL } from '../../shared/gws-constants';
import { AttributeSchema } from '../../shared/lookup-api';
import {
  IssueTokenRequest,
  IssueTokenResponse,
  PlaceCallRequest,
  RotateKeysRequest,
  RotateKeysResponse,
  SimUserList,
} from '../../shared/sim-control';
import { FaultsPatch, mergeFaults } from '../faults';
import type { SimulatedCall } from '../gws/calls';
import type { SimulatorState } from '../state';
import { callEventsRoute } from './call-feed';
import { captureRoutes } from './capture-routes';

const CallParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ACTIONS: Record<string, string> = {
  answer: 'Established',
  hold: 'Held',
  retrieve: 'Established',
  release: 'Released',
};

export async function controlRoutes(
  app: FastifyInstance,
  { state }: { state: SimulatorState },
): Promise<void> {
  const resource = (call: SimulatedCall) => state.calls.toResource(call, state.faults);
  const publish = (call: SimulatedCall, notificationType: string) => {
    state.stats.published += 1;
    state.cometd.deliver(GWS_CALLS_CHANNEL, state.calls.message(call, notificationType, state.faults));
    state.callFeed.publish(resource(call));
  };
  await app.register(callEventsRoute, { state, resource });
  await app.register(captureRoutes, { state });

  app.post('/sim/calls', { schema: { body: PlaceCallRequest } }, async (request, reply) => {
    const body = request.body as Type.Static<typeof PlaceCallRequest>;
    const call = state.calls.place(body);
    if (body.ucsInteractionId) state.ucs.assign(call.id, body.ucsInteractionId);
    publish(call, 'StatusChange');
    // When the event left, on the epoch clock: benchmarks measure a pop from here.
    reply.header('x-sim-published-at', String(performance.timeOrigin + performance.now()));
    if (call.state === 'Dialing') {
      // An outbound call is answered by the far end shortly after dialing.
      setTimeout(() => {
        const established = state.calls.setState(call.id, 'Established');
        if (established) publish(established, 'StatusChange');
      }, 100);
    }
    return reply.code(201).send(resource(call));
  });

  app.get('/sim/calls', async () => ({ calls: state.calls.inProgress().map(resource) }));

  app.post(
    '/sim/calls/:id/:action',
    {
      schema: {
        params: Type.Object({ id: CallParams.properties.id, action: Type.Enum(Object.keys(ACTIONS)) }),
      },
    },
    async (request, reply) => {
      const { id, action } = request.params as { id: string; action: string };
      const state_ = ACTIONS[action] ?? 'Established';
      const call = state.calls.setState(id, state_);
      if (!call) return reply.code(404).send({ message: `no call ${id}` });
      publish(call, 'StatusChange');
      return resource(call);
    },
  );

  app.put(
    '/sim/calls/:id/user-data',
    {
      schema: {
        params: CallParams,
        body: Type.Object(
          { userData: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 256 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { userData } = request.body as { userData: Record<string, string> };
      const call = state.calls.attach(id, userData);
      if (!call) return reply.code(404).send({ message: `no call ${id}` });
      publish(call, 'AttachedDataChanged');
      return resource(call);
    },
  );

  app.get('/sim/users', { schema: { response: { 200: SimUserList } } }, async () => ({
    users: state.sessions.users.map(({ username, password, firstName, lastName, roles }) => ({
      username,
      password,
      firstName,
      lastName,
      roles,
    })),
  }));

  app.get('/sim/faults', async () => state.faults);
  app.put('/sim/faults', { schema: { body: FaultsPatch } }, async (request) => {
    state.faults = mergeFaults(state.faults, request.body as Type.Static<typeof FaultsPatch>);
    return state.faults;
  });

  app.post('/sim/reset', async () => {
    state.reset();
    return { ok: true };
  });

  app.get('/sim/uniphore/records', async () => ({ records: state.records.list() }));
  /** Forget every record, seeds included, until the next reset: every lookup is then a miss. */
  app.delete('/sim/uniphore/records', async () => {
    state.records.clear();
    return { ok: true };
  });
  app.post(
    '/sim/uniphore/records',
    {
      schema: {
        body: Type.Object(
          {
            attribute: AttributeSchema,
            value: Type.String({ minLength: 1, maxLength: 128 }),
            uniqueId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { attribute, value, uniqueId } = request.body as {
        attribute: Type.Static<typeof AttributeSchema>;
        value: string;
        uniqueId?: string;
      };
      return reply.code(201).send(state.records.add(attribute, value, uniqueId));
    },
  );

  /** The UCS interaction id FindPhoneCall will report for this call id (and create as new). */
  app.put(
    '/sim/ucs/interactions/:id',
    {
      schema: {
        params: CallParams,
        body: Type.Object(
          { interactionId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { interactionId } = request.body as { interactionId: string };
      state.ucs.assign(id, interactionId);
      return { callId: id, interactionId };
    },
  );

  app.post(
    '/sim/cometd/restart',
    {
      schema: {
        querystring: Type.Object({ downMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })) }),
      },
    },
    async (request) => {
      state.cometd.restart((request.query as { downMs?: number }).downMs ?? 0);
      return { ok: true };
    },
  );
  app.post('/sim/sessions/drop', async () => {
    state.sessions.dropAll();
    state.cometd.restart();
    return { ok: true };
  });
  app.post(
    '/sim/cometd/publish',
    {
      schema: {
        body: Type.Object({
          channel: Type.String({ pattern: '^/v2/me/[A-Za-z0-9_/-]+$' }),
          data: Type.Unknown(),
          /** A GWS session id (its JSESSIONID): only that session's clients get it. Unset: every session's. */
          session: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        }),
      },
    },
    async (request, reply) => {
      const { channel, data, session } = request.body as { channel: string; data: unknown; session?: string };
      const gws = session === undefined ? undefined : state.sessions.byId(session);
      if (session !== undefined && !gws) return reply.code(404).send({ message: 'no such GWS session' });
      // When delivery began, on the epoch clock: benchmarks measure an event's way from here.
      reply.header('x-sim-published-at', String(performance.timeOrigin + performance.now()));
      return { delivered: state.cometd.deliver(channel, data, gws) };
    },
  );

  // Simulator only: anyone reaching the control API can mint a token, as a signed-in WWE would.
  app.post(
    '/sim/auth/token',
    { schema: { body: IssueTokenRequest, response: { 200: IssueTokenResponse } } },
    async (request) => ({ token: await state.tokens.issue(request.body as IssueTokenRequest) }),
  );
  app.post(
    '/sim/auth/rotate',
    {
      schema: { body: RotateKeysRequest, response: { 200: RotateKeysResponse } },
      // A bare POST (no body) is the common case: rotate, keep the previous key published.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => state.tokens.rotate((request.body as RotateKeysRequest).retirePrevious),
  );

  app.get('/sim/stats', async () => ({
    ...state.stats.toJSON(),
    cometdClients: state.cometd.clients,
    callEventStreams: state.callFeed.listeners,
  }));
}
