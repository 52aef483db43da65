// Captures and their replay (/sim/captures/*): upload a capture (checked whole, or refused with the
// first problem and nothing stored), read it back, hand the simulated WWE desktop its script, replay
// its GWS side, and read what the replay did. See src/simulator/README.md, "Capture and replay".
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { CAPTURE_LIMITS, type Capture, captureProblem } from '../../shared/capture';
import { DEFAULT_MAX_GAP_MS, planReplay } from '../replay/replay-plan';
import { ReplayRun } from '../replay/replay-run';
import type { SimulatorState } from '../state';

const Params = Type.Object({ id: Type.String({ pattern: '^cap-[0-9a-f]{12}$' }) });
const MaxGap = Type.Integer({ minimum: 0, maximum: 600_000 });
const ReplayRequest = Type.Object(
  {
    /** A GWS session id (its JSESSIONID): only that session's clients get the messages. Unset: every session's. */
    session: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** Quiet spells longer than this are cut to it (default 5 s). */
    maxGapMs: Type.Optional(MaxGap),
    /** How long to wait for a subscribed widget before publishing (default 30 s). */
    waitForSubscriberMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 120_000 })),
  },
  { additionalProperties: false },
);
type ReplayRequest = Type.Static<typeof ReplayRequest>;

const notFound = {
  statusCode: 404,
  code: 'no_such_capture',
  message: 'no such capture (uploads are kept in memory, 16 at most)',
};

export async function captureRoutes(
  app: FastifyInstance,
  { state }: { state: SimulatorState },
): Promise<void> {
  const stored = (request: { params: unknown }) => state.captures.get((request.params as { id: string }).id);

  app.post('/sim/captures', { bodyLimit: CAPTURE_LIMITS.maxBytes }, async (request, reply) => {
    const problem = captureProblem(request.body);
    if (problem) return reply.code(400).send({ statusCode: 400, code: 'invalid_capture', message: problem });
    const capture = request.body as Capture;
    const { id } = state.captures.add(capture);
    const plan = planReplay(capture);
    return reply.code(201).send({
      id,
      entries: capture.entries.length,
      pops: plan.expected.length,
      host: capture.widget.host,
      warnings: plan.warnings,
    });
  });

  app.get('/sim/captures/:id', { schema: { params: Params } }, async (request, reply) => {
    const capture = stored(request);
    return capture ? capture.capture : reply.code(404).send(notFound);
  });

  // What the simulated WWE desktop plays to the widget (its ?replay= mode).
  app.get(
    '/sim/captures/:id/script',
    { schema: { params: Params, querystring: Type.Object({ maxGapMs: Type.Optional(MaxGap) }) } },
    async (request, reply) => {
      const capture = stored(request);
      if (!capture) return reply.code(404).send(notFound);
      const { maxGapMs = DEFAULT_MAX_GAP_MS } = request.query as { maxGapMs?: number };
      const plan = planReplay(capture.capture, { maxGapMs });
      return { ...plan.scapi, pops: plan.expected.length, warnings: plan.warnings };
    },
  );

  app.post(
    '/sim/captures/:id/replay',
    {
      schema: { params: Params, body: ReplayRequest },
      // A bare POST is the common case.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const capture = stored(request);
      if (!capture) return reply.code(404).send(notFound);
      const body = request.body as ReplayRequest;
      const session = body.session === undefined ? undefined : state.sessions.byId(body.session);
      if (body.session !== undefined && !session) {
        return reply
          .code(404)
          .send({ statusCode: 404, code: 'no_such_session', message: 'no such GWS session' });
      }
      const plan = planReplay(capture.capture, { maxGapMs: body.maxGapMs ?? DEFAULT_MAX_GAP_MS });
      const run = new ReplayRun(plan, state, {
        session,
        waitForSubscriberMs: body.waitForSubscriberMs ?? 30_000,
      });
      state.captures.replace(capture, run);
      run.start();
      return reply.code(202).send({ id: capture.id, ...run.toJSON(), warnings: plan.warnings });
    },
  );

  // What the replay did on the simulator's side: its progress, and the lookups and FindPhoneCalls
  // that reached the simulated Uniphore and UCS since it started.
  app.get('/sim/captures/:id/result', { schema: { params: Params } }, async (request, reply) => {
    const capture = stored(request);
    if (!capture) return reply.code(404).send(notFound);
    const since = capture.run?.startedAt ?? Number.POSITIVE_INFINITY;
    return {
      id: capture.id,
      replay: capture.run?.toJSON() ?? null,
      expected: planReplay(capture.capture).expected,
      lookups: state.stats.uniphore
        .filter((entry) => entry.at >= since)
        .map(({ attribute, value, status }) => ({ attribute, value, status })),
      findPhoneCalls: state.stats.findPhoneCall
        .filter((entry) => entry.at >= since)
        .map((entry) => entry.body),
    };
  });
}
