// The two shipped captures, in the clear, as a widget would have recorded them from the public
// samples' messages. `npm run captures:samples` redacts them (a fresh key each time) into the JSON
// files beside this one, which the e2e suite replays (e2e/replay.spec.ts).
import type { Capture, CaptureEntry } from '../../shared/capture';
import { DEFAULT_LOOKUP_ORDER, parseLookupOrder } from '../../shared/lookup-order';
import type { PopReport } from '../../shared/pop-report';

/** When the sample sessions started (the pops' receivedAt are epoch ms from here). */
const STARTED = Date.parse('2024-03-01T10:00:00.000Z');
const lookupOrder = parseLookupOrder(DEFAULT_LOOKUP_ORDER);

type Entry = CaptureEntry;
const cometd = (at: number, channel: string, data: unknown): Entry => ({
  at,
  via: 'cometd',
  dir: 'in',
  channel,
  data,
});
const pop = (
  at: number,
  report: Omit<PopReport, 'receivedAt' | 'timings'>,
  receivedAt: number,
  ucsMs: number,
): Entry => ({
  at,
  via: 'pop',
  dir: 'out',
  data: { ...report, receivedAt: STARTED + receivedAt, timings: { ucsMs, totalMs: at - receivedAt } },
});

// ---- GWS: the documented CallStateChangeMessage and FindPhoneCall samples ----

const GWS = 'https://gws.example.com';
const AGENT_DN = '5001';

/** The documented call resource (gws-facts.md), as an inbound call: `participants: []`, `ani` set. */
function gwsCall(id: string, connId: string, state: string, ani: string, userData: Record<string, unknown>) {
  return {
    messageType: 'CallStateChangeMessage',
    notificationType: 'StatusChange',
    call: {
      id,
      connId,
      callUuid: id,
      state,
      callType: 'Inbound',
      dnis: '+18005550199',
      ani,
      participants: [],
      capabilities: state === 'Ringing' ? ['Answer'] : ['SendDtmf', 'AttachUserData', 'Hangup', 'Hold'],
      userData,
      duration: '0',
      mute: 'Off',
      deviceUri: `${GWS}/api/v2/devices/9f3a6c1e`,
      uri: `${GWS}/api/v2/me/calls/${id}`,
    },
    // The agent's own DN, as in the documented sample: never the caller.
    phoneNumber: AGENT_DN,
  };
}

const findPhoneCall = (at: number, callId: string, phoneNumber: string): Entry => ({
  at,
  via: 'ucs',
  dir: 'out',
  data: { operationName: 'FindPhoneCall', callId, status: 'New', phoneNumber, type: 'Inbound' },
});
const findPhoneCallAck = (at: number, referenceId: number): Entry => ({
  at,
  via: 'ucs',
  dir: 'in',
  status: 200,
  data: { statusCode: 0, referenceId },
});
const interactionResponse = (
  at: number,
  channel: string,
  referenceId: number,
  interactionId: string,
): Entry =>
  cometd(at, channel, {
    referenceId,
    messageType: 'createInteractionResponse',
    interactionId,
    isCreated: 'true',
  });

const CALL_A = '013V08JRL498H1OI04000VTAES00000G';
const CALL_B = '013V08JRL498H1OI04000VTAES00000K';
const CALLER_A = '+14155550100';
const CALLER_B = '+12125550147';
const USER_DATA_A = {
  DTMF: '4567',
  AccountNumber: 55512345,
  CustomerSegment: 'Gold',
  CallbackNumber: CALLER_A,
};
/** Not documented: this capture puts UCS answers on a channel of their own, as a site might. */
const GWS_UCS_CHANNEL = '/v2/me/ucs';

export const GWS_SAMPLE: Capture = {
  format: 'uhw-capture',
  version: 1,
  capturedAt: '2024-03-01T10:02:00.000Z',
  note:
    'Made from the public samples, not a site. CometD: the documented GWS CallStateChangeMessage ' +
    '(GWS API v2 "Calls message type"; reference gws-facts.md) as two inbound calls with participants: [] ' +
    "and ani set, the top-level phoneNumber being the agent's DN (5001) and userData carrying numbers " +
    '(a DTMF code, an account number as a JSON number, a callback number); call A Ringing → ' +
    'Established → Released, found by its DTMF code; call B Ringing → Released, not found. UCS: the ' +
    'documented FindPhoneCall request, its {statusCode, referenceId} answer and the createInteractionResponse ' +
    'notification (GWS "UCS Integration with Voice API: FindPhoneCall"); the documentation names no ' +
    `channel for it, so it comes on ${GWS_UCS_CHANNEL} here, which the replay must set the simulated UCS to. ` +
    'Pops: the outcomes the widget reports for those messages with the default LOOKUP_ORDER.',
  widget: { mode: 'agent', host: 'page', lang: 'en' },
  site: {
    auth: 'gws',
    lookupOrder,
    notificationsPath: '/api/v2/notifications',
    ucsTimeoutMs: 10_000,
    historyOrigin: 'https://gointeract.io',
    wwe: { toast: false },
    ucsFields: {},
  },
  redaction: { method: 'hmac-sha256-fpe', note: '' },
  entries: [
    cometd(0, '/meta/handshake', { successful: true, version: '1.0' }),
    cometd(45, '/meta/subscribe', { successful: true, subscription: '/v2/me/*' }),
    cometd(1_000, '/v2/me/calls', gwsCall(CALL_A, '0072026cb98d140f', 'Ringing', CALLER_A, USER_DATA_A)),
    findPhoneCall(1_003, CALL_A, CALLER_A),
    findPhoneCallAck(1_031, 123),
    interactionResponse(1_044, GWS_UCS_CHANNEL, 123, '0000DaA3G4VF000Q'),
    pop(
      1_090,
      {
        callId: CALL_A,
        caller: CALLER_A,
        source: 'gws',
        outcome: 'found',
        attribute: 'dtmf',
        value: '4567',
        uniqueId: '4df73e86-b7df-45da-b823-ed1f980d430b',
        historyUrl: 'https://gointeract.io/interact/history/4df73e86-b7df-45da-b823-ed1f980d430b',
        ucs: 'found',
      },
      1_000,
      41,
    ),
    cometd(6_500, '/v2/me/calls', gwsCall(CALL_A, '0072026cb98d140f', 'Established', CALLER_A, USER_DATA_A)),
    cometd(58_200, '/v2/me/calls', gwsCall(CALL_A, '0072026cb98d140f', 'Released', CALLER_A, USER_DATA_A)),
    cometd(64_000, '/v2/me/calls', gwsCall(CALL_B, '0072026cb98d1411', 'Ringing', CALLER_B, {})),
    findPhoneCall(64_002, CALL_B, CALLER_B),
    findPhoneCallAck(64_025, 124),
    interactionResponse(64_037, GWS_UCS_CHANNEL, 124, '0000DaA3G4VF000R'),
    pop(
      64_081,
      { callId: CALL_B, caller: CALLER_B, source: 'gws', outcome: 'not-found', ucs: 'found' },
      64_000,
      35,
    ),
    cometd(71_000, '/v2/me/calls', gwsCall(CALL_B, '0072026cb98d1411', 'Released', CALLER_B, {})),
  ],
};

// ---- WWE: the MIT sample client's SCAPI shapes (GenesysPureEngage/workspace-development-kit) ----

const SERVER = { userAgent: 'WWE Server', protocolVersion: 2 };
const CLIENT = { userAgent: 'WWE Client', protocolVersion: 2 };
const PREFIX = 'uhw-q7x2m9-';
const out = (at: number, n: number, message: Record<string, unknown>): Entry => ({
  at,
  via: 'scapi',
  dir: 'out',
  data: { ...message, referenceId: `${PREFIX}${n}`, ...CLIENT },
});
const answer = (at: number, n: number, message: Record<string, unknown> = {}): Entry => ({
  at,
  via: 'scapi',
  dir: 'in',
  data: { referenceId: `${PREFIX}${n}`, ...message, ...SERVER },
});
const event = (at: number, name: string, data: unknown): Entry => ({
  at,
  via: 'scapi',
  dir: 'in',
  data: { event: name, data, ...SERVER },
});

const WWE_CALL = '013V08JRL498H1OI04000VTAES00000J';
const WWE_CALLER = '+14155550123';
const UNIQUE_ID = 'd3c2b1a0-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
/** interaction.Interaction with the documented fields (interaction namespace page); id "1" as in sample.html. */
const interaction = (state: string, previousState?: string, userData: Record<string, unknown> = {}) => ({
  interactionId: '1',
  caseId: '7f0b9d1c-52a4-4e8e-9c1b-2d6a0e4f5b37',
  state,
  ...(previousState ? { previousState } : {}),
  callUuid: WWE_CALL,
  callType: 'INBOUND',
  direction: 'IN',
  isConsultation: false,
  startDate: '2024-03-01T10:00:01.500Z',
  ani: WWE_CALLER,
  dnis: '+18005550199',
  parties: [{ phoneNumber: WWE_CALLER }],
  userData: { CustomerSegment: 'Platinum', ContractNumber: '4400017265', ...userData },
});
/** A made-up token of the JWT shape (header.payload.signature): the redactor must take it out. */
const SAMPLE_JWT =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6InNhbXBsZSJ9.eyJzdWIiOiJhZ2VudC0xIiwicHJlZmVycmVkX3VzZXJuYW1lIjoiYWRhIn0.' +
  'c2FtcGxlLXNpZ25hdHVyZS1ub3QtYS1yZWFsLW9uZQ';

export const WWE_SAMPLE: Capture = {
  format: 'uhw-capture',
  version: 1,
  capturedAt: '2024-03-01T10:01:00.000Z',
  note:
    'Made from the public samples, not a site. SCAPI: the message shapes of the MIT sample client ' +
    'GenesysPureEngage/workspace-development-kit wwe-service-client-api (wwe-service-client-api.js: ' +
    'requests with positional parameters, referenceId, userAgent and protocolVersion 2; answers ' +
    '{referenceId, data} and {referenceId, subscriptionId}; events {event, data}) and the fields of ' +
    'interaction.Interaction and auth.getJwtToken from the Genesys interaction and auth namespace pages: ' +
    'subscribe, getInteractions ([]), an inbound voice interaction RINGING → TALKING → IDLE → markdone ' +
    '(COMPLETED), auth.getJwtToken ({expiration, jwtToken}), interaction.setUserData writing the unique ' +
    "id back. The widget also ran FindPhoneCall with the interaction's callUuid (GWS session on the " +
    'same site) and found the history by the UCS interaction id. The token is a made-up one.',
  widget: { mode: 'embedded', host: 'wwe', lang: 'en' },
  site: {
    auth: 'jwt',
    lookupOrder,
    notificationsPath: '/api/v2/notifications',
    ucsTimeoutMs: 10_000,
    historyOrigin: 'https://gointeract.io',
    wwe: { writeBackKey: 'UniphoreUniqueId', toast: false },
    ucsFields: {},
  },
  redaction: { method: 'hmac-sha256-fpe', note: '' },
  entries: [
    out(0, 0, { event: 'subscribe', data: ['interaction', 'markdone'] }),
    answer(4, 0, { subscriptionId: '1' }),
    out(6, 1, { request: 'interaction.getInteractions' }),
    answer(11, 1, { data: [] }),
    cometd(60, '/meta/handshake', { successful: true, version: '1.0' }),
    cometd(98, '/meta/subscribe', { successful: true, subscription: '/v2/me/*' }),
    event(1_500, 'interaction', interaction('RINGING')),
    {
      at: 1_502,
      via: 'ucs',
      dir: 'out',
      data: {
        operationName: 'FindPhoneCall',
        callId: WWE_CALL,
        status: 'New',
        phoneNumber: WWE_CALLER,
        type: 'Inbound',
      },
    },
    out(1_503, 2, { request: 'auth.getJwtToken' }),
    answer(1_509, 2, { data: { expiration: '2024-03-01T11:00:00.000Z', jwtToken: SAMPLE_JWT } }),
    { at: 1_524, via: 'ucs', dir: 'in', status: 200, data: { statusCode: 0, referenceId: 457 } },
    cometd(1_537, '/v2/me/interactions', {
      referenceId: 457,
      messageType: 'createInteractionResponse',
      interactionId: '0000DaA3G4VF000S',
      isCreated: 'true',
    }),
    pop(
      1_588,
      {
        callId: '1',
        caller: WWE_CALLER,
        source: 'wwe',
        outcome: 'found',
        attribute: 'historySearchId',
        value: '0000DaA3G4VF000S',
        uniqueId: UNIQUE_ID,
        historyUrl: `https://gointeract.io/interact/history/${UNIQUE_ID}`,
        ucs: 'found',
      },
      1_500,
      35,
    ),
    out(1_590, 3, { request: 'interaction.setUserData', parameters: ['1', { UniphoreUniqueId: UNIQUE_ID }] }),
    answer(1_598, 3),
    event(1_600, 'interaction', interaction('RINGING', undefined, { UniphoreUniqueId: UNIQUE_ID })),
    event(7_900, 'interaction', interaction('TALKING', 'RINGING', { UniphoreUniqueId: UNIQUE_ID })),
    event(51_300, 'interaction', interaction('IDLE', 'TALKING', { UniphoreUniqueId: UNIQUE_ID })),
    event(55_800, 'interaction', interaction('COMPLETED', 'IDLE', { UniphoreUniqueId: UNIQUE_ID })),
    event(55_801, 'markdone', interaction('COMPLETED', 'IDLE', { UniphoreUniqueId: UNIQUE_ID })),
  ],
};

export const SAMPLE_CAPTURES = { 'genesys-gws-sample': GWS_SAMPLE, 'wwe-sample': WWE_SAMPLE } as const;
