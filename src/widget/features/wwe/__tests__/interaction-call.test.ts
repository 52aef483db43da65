import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Interaction, InteractionEventData } from '../../../../shared/scapi-messages';
import { callState, callType, eventInteraction, interactionCall, isVoice } from '../interaction-call';

/** Every field of `interaction.Interaction` the Service Client API pages document, on a voice call. */
const voice = {
  interactionId: 'wwe-7',
  parentInteractionId: 'wwe-6',
  caseId: 'case-1',
  userData: { historySearchId: 'HS-1', DTMF: '4567' },
  state: 'RINGING',
  previousState: 'IDLE',
  parties: [{ name: 'Caller' }],
  isConsultation: false,
  isMainCaseInteraction: true,
  startDate: 1_795_000_000_000,
  callUuid: '013V08JRL498H1OI04000VTAES00000G',
  direction: 'IN',
  callType: 'INBOUND',
  ani: '+14155550100',
  dnis: '5001',
  recordingState: 'STOPPED',
};

describe('the Interaction schema', () => {
  it('accepts every documented field, and unknown ones', () => {
    expect(Value.Check(Interaction, voice)).toBe(true);
    expect(Value.Check(Interaction, { ...voice, mediaType: 'voice' })).toBe(true);
  });
  it.each([
    ['no interactionId', { ...voice, interactionId: undefined }],
    ['no state', { ...voice, state: undefined }],
    ['userData not an object', { ...voice, userData: 'x' }],
    ['isConsultation not a boolean', { ...voice, isConsultation: 'yes' }],
    ['an over-long ani', { ...voice, ani: 'x'.repeat(129) }],
  ])('refuses %s', (_name, value) => expect(Value.Check(Interaction, value)).toBe(false));
  it('takes event data bare or wrapped', () => {
    expect(Value.Check(InteractionEventData, voice)).toBe(true);
    expect(Value.Check(InteractionEventData, { eventType: 'StatusChange', interaction: voice })).toBe(true);
    expect(eventInteraction({ eventType: 'StatusChange', interaction: voice })).toBe(voice);
    expect(eventInteraction(voice)).toBe(voice);
  });
});

describe('interactionCall', () => {
  it('maps a voice interaction to a call: one pop per interactionId, FindPhoneCall by callUuid', () => {
    expect(interactionCall(voice)).toEqual({
      id: 'wwe-7',
      gwsCallId: '013V08JRL498H1OI04000VTAES00000G',
      state: 'Ringing',
      callType: 'Inbound',
      ani: '+14155550100',
      dnis: '5001',
      userData: { historySearchId: 'HS-1', DTMF: '4567' },
    });
  });

  it.each([
    ['RINGING', 'Ringing'],
    ['DIALING', 'Dialing'],
    ['TALKING', 'Established'],
    ['HELD', 'Held'],
    ['IDLE', 'Released'],
    ['COMPLETED', 'Released'],
    ['talking', 'Established'],
    ['PREVIEW', 'PREVIEW'],
  ])('state %s → %s', (state, expected) => expect(callState(state)).toBe(expected));

  it.each([
    [{ callType: 'INBOUND' }, 'Inbound'],
    [{ callType: 'OUTBOUND' }, 'Outbound'],
    [{ callType: 'INTERNAL' }, 'Internal'],
    [{ callType: 'CONSULT' }, 'Consult'],
    [{ callType: 'UNKNOWN', direction: 'OUT' }, 'Outbound'],
    [{ direction: 'IN' }, 'Inbound'],
    [{ callType: 'INBOUND', isConsultation: true }, 'Consult'],
    [{ direction: 'UNKNOWN' }, undefined],
  ])('type of %j → %s', (fields, expected) =>
    expect(callType({ interactionId: 'i', state: 'TALKING', ...fields })).toBe(expected),
  );

  it('is null for chats and emails, which carry none of the voice-only fields', () => {
    const chat = { interactionId: 'wwe-9', state: 'ACCEPTED', userData: { Subject: 'hi' } };
    expect(isVoice(chat)).toBe(false);
    expect(interactionCall(chat)).toBeNull();
  });

  it('a consultation is its own call', () => {
    const consult = { ...voice, interactionId: 'wwe-8', isConsultation: true, callType: 'CONSULT' };
    expect(interactionCall(consult)).toMatchObject({ id: 'wwe-8', callType: 'Consult' });
  });
});
