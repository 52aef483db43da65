// The capture redactor: pseudonyms consistent within one redactor and unrelated across two, no digit
// run of a caller surviving, shapes kept so that what comes out still matches the message schemas.
import fc from 'fast-check';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../capture-constants';
import { createRedactor } from '../capture-redact';
import { CallStateChangeMessage, FindPhoneCallRequest } from '../gws-messages';
import { PopReport } from '../pop-report';
import { Interaction, JwtTokenAnswer, ScapiAnswer, ScapiEvent } from '../scapi-messages';

const CALL_ID = 'CALLIDABCDEFGHIJKLMNOPQRSTUVWXYZ';

const callEvent = (
  ani: string,
  others: { participant: string; dn: string; userData: Record<string, unknown> },
) => ({
  messageType: 'CallStateChangeMessage',
  notificationType: 'StatusChange',
  call: {
    id: CALL_ID,
    callUuid: CALL_ID,
    state: 'Ringing',
    callType: 'Inbound',
    ani,
    dnis: others.dn,
    participants: [others.participant],
    participantsInfo: [
      { digits: ani.replace(/\D/g, ''), e164Number: ani, formattedPhoneNumber: others.participant },
    ],
    userData: others.userData,
  },
  phoneNumber: others.dn,
});

/** Every run of `length` digits of a string's digits. */
const runsOf = (text: string, length = 4) => {
  const digits = text.replace(/\D/g, '');
  return Array.from({ length: Math.max(0, digits.length - length + 1) }, (_, i) =>
    digits.slice(i, i + length),
  );
};
const digitRunsIn = (value: unknown) => JSON.stringify(value).match(/\d+/g) ?? [];

const phoneNumber = fc
  .tuple(fc.constantFrom('+', ''), fc.stringMatching(/^[1-9]\d{6,14}$/), fc.constantFrom('', ' ', '-'))
  .map(([plus, digits, separator]) =>
    separator
      ? `${plus}${digits.slice(0, 1)}${separator}${digits.slice(1, 4)}${separator}${digits.slice(4)}`
      : `${plus}${digits}`,
  );

describe('capture redactor', () => {
  it('gives one value the same pseudonym within a redactor, and another in another redactor', async () => {
    const first = await createRedactor();
    const second = await createRedactor();
    const message = { ani: '+14155550100', userData: { DTMF: '4567', segment: 'Gold' } };
    const once = await first.redact(message);
    expect(await first.redact(message)).toEqual(once);
    const elsewhere = await second.redact(message);
    expect(elsewhere.ani).not.toBe(once.ani);
    expect(elsewhere.userData.segment).not.toBe(once.userData.segment);
  });

  it('keeps a number’s format: every digit replaced, the rest (a leading +, separators, length) kept', async () => {
    const redactor = await createRedactor();
    const {
      ani,
      dnis,
      phoneNumber: dn,
    } = await redactor.redact({
      ani: '+1 (415) 555-0100',
      dnis: '08005550199',
      phoneNumber: '5001',
    });
    expect(ani).toMatch(/^\+[1-9] \(\d{3}\) \d{3}-\d{4}$/);
    expect(dnis).toMatch(/^0\d{10}$/);
    expect(dn).toMatch(/^[1-9]\d{3}$/);
    expect(dn).not.toBe('5001');
    // Keyed on the digits: the same number written another way keeps its digits.
    const bare = await redactor.redact({ ani: '+14155550100' });
    expect(bare.ani.replace(/\D/g, '')).toBe(ani.replace(/\D/g, ''));
  });

  it('leaves no run of 4 digits of any caller number, and still matches the GWS call message schema', async () => {
    await fc.assert(
      fc.asyncProperty(
        phoneNumber,
        phoneNumber,
        phoneNumber,
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z]{1,12}$/),
          fc.oneof(phoneNumber, fc.integer({ min: 1000 })),
        ),
        async (ani, participant, dn, userData) => {
          const redactor = await createRedactor();
          const clear = callEvent(ani, { participant, dn, userData });
          const [redacted] = await redactor.redactEntries([{ data: clear }]);
          const numbers = [ani, participant, dn, ...Object.values(userData).map(String)];
          const forbidden = new Set(numbers.flatMap((number) => runsOf(number)));
          for (const run of digitRunsIn(redacted?.data)) {
            for (const window of runsOf(run))
              expect(forbidden.has(window), `${window} of ${run}`).toBe(false);
          }
          expect(Value.Check(CallStateChangeMessage, redacted?.data)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pseudonymizes every attached-data value consistently, keeping keys and shape classes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
          fc.oneof(
            fc.stringMatching(/^\d{1,12}$/),
            fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
            fc.uuid(),
            fc.integer({ min: 0, max: 2 ** 40 }),
          ),
          { minKeys: 1 },
        ),
        async (userData) => {
          const redactor = await createRedactor();
          const out = (await redactor.redact({ userData, again: { userData } })) as {
            userData: Record<string, unknown>;
            again: { userData: Record<string, unknown> };
          };
          expect(Object.keys(out.userData)).toEqual(Object.keys(userData));
          expect(out.again.userData).toEqual(out.userData);
          for (const [key, value] of Object.entries(userData)) {
            const redacted = out.userData[key];
            if (typeof value === 'number') {
              expect(typeof redacted).toBe('number');
              expect(String(redacted)).toHaveLength(String(value).length);
              if (value >= 1000) expect(redacted).not.toBe(value);
            } else if (/^\d+$/.test(value)) {
              expect(redacted).toMatch(new RegExp(`^\\d{${value.length}}$`));
              // A lone 0 stays 0 (a leading 0 is kept as a trunk prefix): it says nothing anyway.
              if (value !== '0') expect(redacted).not.toBe(value);
            } else {
              expect(redacted).not.toBe(value);
              expect(typeof redacted).toBe('string');
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('replaces tokens, cookies, secrets and anything shaped like a JWT by a fixed marker', async () => {
    const redactor = await createRedactor();
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    const answer = await redactor.redact({
      referenceId: 'uhw-abc-3',
      data: { jwtToken: jwt, expiration: '2030-01-01T00:00:00.000Z' },
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(answer.data).toEqual({ jwtToken: SECRET_MARKER, expiration: '2030-01-01T00:00:00.000Z' });
    expect(Value.Check(ScapiAnswer, answer) && Value.Check(JwtTokenAnswer, answer.data)).toBe(true);
    const headers = await redactor.redact({
      Authorization: `Bearer ${jwt}`,
      cookie: 'JSESSIONID=ABC123',
      'X-CSRF-TOKEN': 'f1e2d3',
      applicationKey: 'k',
      nested: { anything: jwt, text: `token ${jwt} in a sentence` },
    });
    expect(headers).toEqual({
      Authorization: SECRET_MARKER,
      cookie: SECRET_MARKER,
      'X-CSRF-TOKEN': SECRET_MARKER,
      applicationKey: SECRET_MARKER,
      nested: { anything: SECRET_MARKER, text: `token ${SECRET_MARKER} in a sentence` },
    });
  });

  it('keeps the ids a replay pairs by, and a pop’s value when it is the UCS interaction id', async () => {
    const redactor = await createRedactor();
    const entries = await redactor.redactEntries([
      {
        data: {
          messageType: 'createInteractionResponse',
          referenceId: 12,
          interactionId: '0000DaA3G4VF000Q',
        },
      },
      {
        data: {
          callId: CALL_ID,
          outcome: 'found',
          attribute: 'historySearchId',
          value: '0000DaA3G4VF000Q',
          uniqueId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          historyUrl:
            'https://uniphore.example.com:8443/interact/history/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          caller: '+14155550100',
          ucs: 'found',
          source: 'gws',
          receivedAt: 1_700_000_000_000,
          timings: { totalMs: 120, ucsMs: 30 },
        },
      },
    ]);
    expect(entries[0]?.data).toEqual({
      messageType: 'createInteractionResponse',
      referenceId: 12,
      interactionId: '0000DaA3G4VF000Q',
    });
    const pop = entries[1]?.data as PopReport;
    expect(Value.Check(PopReport, pop)).toBe(true);
    expect(pop).toMatchObject({ callId: CALL_ID, value: '0000DaA3G4VF000Q', receivedAt: 1_700_000_000_000 });
    // The unique id keeps its UUID shape; the history URL its origin and path, with the same pseudonym.
    expect(pop.uniqueId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(pop.uniqueId).not.toBe('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(pop.historyUrl).toBe(`https://uniphore.example.com:8443/interact/history/${pop.uniqueId}`);
  });

  it('gives a pop’s caller and value the pseudonyms of the call’s number and attached data', async () => {
    const redactor = await createRedactor();
    const [event, request, pop] = await redactor.redactEntries([
      {
        data: callEvent('+14155550100', {
          participant: '+14155550100',
          dn: '5001',
          userData: { DTMF: 4567 },
        }),
      },
      {
        data: {
          operationName: 'FindPhoneCall',
          callId: CALL_ID,
          status: 'New',
          phoneNumber: '+14155550100',
          type: 'Inbound',
          userData: { DTMF: 4567 },
        },
      },
      {
        data: {
          callId: CALL_ID,
          caller: '+14155550100',
          outcome: 'found',
          attribute: 'dtmf',
          value: '4567',
          receivedAt: 1,
          timings: { totalMs: 1 },
        },
      },
    ]);
    const call = (event!.data as CallStateChangeMessage).call;
    expect(Value.Check(FindPhoneCallRequest, request?.data)).toBe(true);
    expect(request?.data).toMatchObject({ phoneNumber: call.ani, userData: call.userData });
    expect(pop?.data).toMatchObject({ caller: call.ani, value: String(call.userData?.DTMF) });
    expect(call.userData?.DTMF).not.toBe(4567);
  });

  it('keeps WWE interactions valid, names and parties pseudonymized, numbers inside text replaced', async () => {
    const redactor = await createRedactor();
    const interaction = {
      interactionId: '1',
      callUuid: CALL_ID,
      state: 'RINGING',
      callType: 'INBOUND',
      direction: 'IN',
      ani: '+14155550100',
      dnis: '+18005550199',
      startDate: '2024-03-01T10:00:00.000Z',
      parties: [{ phoneNumber: '+14155550100', name: 'Ada Lovelace' }],
      userData: { historySearchId: '744907dd90-6b2e7b816f538cd' },
    };
    const [event, toast] = await redactor.redactEntries([
      { data: { event: 'interaction', data: interaction, userAgent: 'WWE Server', protocolVersion: 2 } },
      {
        data: {
          request: 'system.popupToast',
          parameters: [{ title: 'History', message: 'Caller +1 415 555 0100' }],
        },
      },
    ]);
    const redacted = (event!.data as { data: typeof interaction }).data;
    expect(Value.Check(ScapiEvent, event?.data) && Value.Check(Interaction, redacted)).toBe(true);
    expect(redacted).toMatchObject({
      interactionId: '1',
      callUuid: CALL_ID,
      startDate: interaction.startDate,
    });
    expect(redacted.parties[0]?.name).toMatch(/^r-[0-9a-f]{10}$/);
    expect(redacted.parties[0]?.phoneNumber).toBe(redacted.ani);
    expect(redacted.userData.historySearchId).toMatch(/^[0-9a-f]{10}-[0-9a-f]{15}$/);
    expect(JSON.stringify(toast?.data)).not.toContain('555');
  });
});
