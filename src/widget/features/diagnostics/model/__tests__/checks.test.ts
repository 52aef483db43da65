import { describe, expect, it } from 'vitest';
import { activateLocale, t } from '../../../../i18n/i18n';
import { negotiateLocale } from '../../../../i18n/negotiate-locale';
import { type CheckContext, diagnosticsChecks } from '../checks';
import { createObservations, GwsObserver, ScapiObserver } from '../observations';
import { diagnosticsReport } from '../report';

const AGENT = { userAgent: 'WWE Server', protocolVersion: 2 };
const interaction = {
  interactionId: 'wwe-1',
  state: 'RINGING',
  callUuid: 'CALLUUID0001',
  ani: '+14155550199',
  dnis: '5001',
  userData: { AccountNumber: '99887766', DTMF: '4567' },
};
const context = (patch: Partial<CheckContext> = {}): CheckContext => ({
  host: 'wwe',
  framed: true,
  allowedOrigin: (origin) => origin === 'https://wwe.example',
  proxy: null,
  gwsRoles: undefined,
  frameable: null,
  lookup: null,
  notificationsPath: '/api/v2/notifications',
  ...patch,
});
const find = (checks: ReturnType<typeof diagnosticsChecks>, id: string) => checks.find((c) => c.id === id);

/** A documented WWE session: subscribe, getInteractions, a RINGING event, the token; FindPhoneCall by callUuid. */
function documentedSession() {
  const seen = createObservations();
  const scapi = new ScapiObserver(seen);
  const gws = new GwsObserver(seen);
  const origin = 'https://wwe.example';
  scapi.outgoing({ event: 'subscribe', data: ['interaction'], referenceId: 'r1' });
  scapi.incoming({ referenceId: 'r1', subscriptionId: 's1', ...AGENT }, origin);
  scapi.outgoing({ request: 'interaction.getInteractions', referenceId: 'r2' });
  scapi.incoming({ referenceId: 'r2', data: [], ...AGENT }, origin);
  scapi.outgoing({ request: 'auth.getJwtToken', referenceId: 'r3' });
  scapi.incoming(
    { referenceId: 'r3', data: { jwtToken: 'eyJhbGciOi.payload.sig', expiration: '2026' }, ...AGENT },
    origin,
  );
  scapi.incoming({ event: 'interaction', data: interaction, ...AGENT }, origin);
  gws.cometdIn('/meta/handshake', { successful: true });
  gws.cometdIn('/meta/connect', { successful: true });
  gws.ucsOut({ operationName: 'FindPhoneCall', callId: 'CALLUUID0001', phoneNumber: '+14155550199' });
  // The notification first, the HTTP answer after: the race GWS runs.
  gws.cometdIn('/v2/me/ucs', {
    data: { messageType: 'createInteractionResponse', referenceId: 7, interactionId: 'UCS1' },
  });
  gws.ucsIn({ statusCode: 0, referenceId: 7 });
  gws.cometdIn('/v2/me/calls', {
    data: {
      messageType: 'CallStateChangeMessage',
      call: { id: 'C1', ani: '+14155550199', participants: [] },
      phoneNumber: '5001',
    },
  });
  return { seen, scapi };
}

describe('diagnosticsChecks', () => {
  it('a documented session: the WWE and GWS assumptions hold, with their evidence', () => {
    const { seen } = documentedSession();
    const checks = diagnosticsChecks(seen, context());
    for (const id of [
      'wwe.framed',
      'wwe.data',
      'wwe.interaction',
      'wwe.callUuid',
      'wwe.ucs',
      'wwe.jwt',
      'gws.handshake',
      'gws.ucs',
    ]) {
      expect(find(checks, id)?.status, id).toBe('pass');
    }
    expect(find(checks, 'wwe.markdone')?.status).toBe('unseen');
    expect(find(checks, 'gws.ucs')?.evidence[0]?.values).toMatchObject({ channel: '/v2/me/ucs' });
    expect(find(checks, 'gws.calls')?.evidence[0]?.values).toMatchObject({
      shapes: 'empty',
      ani: 1,
      phoneNumber: 1,
    });
  });

  it('names the assumption a desktop breaks: answers without data, events wrapped differently, no callUuid', () => {
    const seen = createObservations();
    const scapi = new ScapiObserver(seen);
    scapi.outgoing({ request: 'interaction.getInteractions', referenceId: 'r1' });
    scapi.incoming({ referenceId: 'r1', result: [], ...AGENT }, 'https://wwe.example');
    scapi.incoming(
      { event: 'interaction', data: { eventType: 'x', payload: interaction }, ...AGENT },
      'https://wwe.example',
    );
    const { callUuid: _dropped, ...noUuid } = interaction;
    scapi.incoming({ event: 'markdone', data: noUuid, ...AGENT }, 'https://wwe.example');
    const checks = diagnosticsChecks(seen, context());
    expect(find(checks, 'wwe.data')).toMatchObject({ status: 'fail' });
    expect(find(checks, 'wwe.data')?.evidence[0]?.values).toEqual({
      name: 'interaction.getInteractions',
      keys: 'result',
    });
    expect(find(checks, 'wwe.interaction')?.evidence[0]?.values).toEqual({
      name: 'interaction',
      keys: 'eventType, payload',
    });
    expect(find(checks, 'wwe.callUuid')).toMatchObject({ status: 'fail' });
  });

  it('a message from an origin FRAME_ANCESTORS does not allow fails the framing check', () => {
    const seen = createObservations();
    new ScapiObserver(seen).incoming({}, 'https://intruder.example');
    expect(find(diagnosticsChecks(seen, context()), 'wwe.framed')).toMatchObject({ status: 'fail' });
    expect(find(diagnosticsChecks(seen, context({ framed: false })), 'wwe.framed')?.evidence[0]?.id).toBe(
      'diag.ev.notFramed',
    );
  });

  it('a service refused with errorMessage, or never answered, is listed (digits masked)', () => {
    const seen = createObservations();
    const scapi = new ScapiObserver(seen);
    scapi.outgoing({ request: 'system.popupToast', referenceId: 'r1' });
    scapi.incoming(
      { referenceId: 'r1', errorMessage: 'not allowed for 192.168.1.20', ...AGENT },
      'https://wwe.example',
    );
    scapi.outgoing({ request: 'agent.get', referenceId: 'r2' });
    scapi.expire(Date.now() + 60_000, 10_000);
    const refused = find(diagnosticsChecks(seen, context()), 'wwe.refused');
    expect(refused?.evidence.map((e) => e.values)).toEqual([
      { name: 'system.popupToast', text: 'not allowed for #.#.#.#' },
      { name: 'agent.get' },
    ]);
  });
});

describe('diagnosticsReport', () => {
  it('holds no caller number, attached-data value, token or cookie: only shapes, names and durations', async () => {
    await activateLocale(negotiateLocale(['en']));
    const { seen } = documentedSession();
    const checks = diagnosticsChecks(
      seen,
      context({
        proxy: {
          answer: {
            caller: {
              auth: 'jwt',
              user: true,
              roles: ['ROLE_AGENT'],
              supervisor: false,
              admin: false,
              jwt: { claims: ['sub', 'roles'], rolesClaim: 'roles' },
            },
          },
        },
        gwsRoles: ['ROLE_AGENT'],
      }),
    );
    const text = diagnosticsReport(checks, ['header'], {
      title: 'Diagnostics',
      area: (check) => check.area,
      status: (status) => status,
      heading: (check) => t(check.title),
      evidence: (evidence) => t(evidence.id, evidence.values),
    });
    expect(text).toContain('[✓] wwe · Answers carry their result under data');
    for (const secret of ['4155550199', '99887766', '4567', 'eyJ', 'JSESSIONID', 'wwe-1'])
      expect(text).not.toContain(secret);
  });
});
