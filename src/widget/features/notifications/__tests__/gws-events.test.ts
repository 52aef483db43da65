import { describe, expect, it } from 'vitest';
import { callerNumber, classifyNotification } from '../gws-events';

// The documented GWS sample (reference/gws-facts.md), as sent.
const documented = {
  messageType: 'CallStateChangeMessage',
  notificationType: 'StatusChange',
  call: {
    id: '013V08JRL498H1OI04000VTAES00000G',
    connId: '0072026cb98d140f',
    callUuid: '013V08JRL498H1OI04000VTAES00000G',
    state: 'Dialing',
    callType: 'Internal',
    dnis: '5001',
    participants: ['5001'],
    participantsInfo: [{ digits: '5001', e164Number: '5001', formattedPhoneNumber: '5001' }],
    capabilities: ['SendDtmf', 'AttachUserData', 'Hangup'],
    userData: { DispositionCode: 'IssueResolved' },
    duration: '0',
    mute: 'Off',
    deviceUri: 'http://gws/api/v2/devices/1',
    uri: 'http://gws/api/v2/me/calls/013V08JRL498H1OI04000VTAES00000G',
  },
  phoneNumber: '5001',
};

describe('classifyNotification', () => {
  it('accepts the documented call message, unknown fields included', () => {
    const result = classifyNotification(documented);
    expect(result.kind).toBe('call');
  });

  it('accepts participants as objects and a missing ani', () => {
    const result = classifyNotification({
      ...documented,
      call: { ...documented.call, participants: [{ phoneNumber: '+14155550100', digits: '14155550100' }] },
    });
    expect(result.kind).toBe('call');
    if (result.kind === 'call') expect(callerNumber(result.message.call)).toBe('+14155550100');
  });

  it.each([
    ['not an object', 'hello'],
    ['an array', []],
    ['no messageType', { call: {} }],
    ['a call without id', { ...documented, call: { ...documented.call, id: undefined } }],
    ['a call with a numeric state', { ...documented, call: { ...documented.call, state: 3 } }],
    ['userData that is not a map', { ...documented, call: { ...documented.call, userData: 'x' } }],
    ['a UCS answer without referenceId', { messageType: 'createInteractionResponse', interactionId: 'A' }],
  ])('reports %s as malformed', (_name, data) => {
    expect(classifyNotification(data).kind).toBe('malformed');
  });

  it('accepts the documented UCS success and error notifications', () => {
    expect(
      classifyNotification({
        referenceId: 123,
        messageType: 'createInteractionResponse',
        interactionId: '0000DaA3G4VF000Q',
        isCreated: 'true',
      }).kind,
    ).toBe('ucs');
    expect(
      classifyNotification({
        referenceId: 123,
        messageType: 'createInteractionResponse',
        errorMessage: 'UCS request failed',
      }).kind,
    ).toBe('ucs');
  });

  it('passes over other message types', () => {
    expect(classifyNotification({ messageType: 'DeviceStateChangeMessage' })).toEqual({
      kind: 'other',
      messageType: 'DeviceStateChangeMessage',
    });
  });
});

describe('callerNumber', () => {
  const call = { id: 'c', state: 'Ringing' };
  it('prefers ani, then participants, then participantsInfo', () => {
    expect(callerNumber({ ...call, ani: '111', participants: ['222'] })).toBe('111');
    expect(callerNumber({ ...call, ani: '  ', participants: ['222'] })).toBe('222');
    expect(callerNumber({ ...call, participantsInfo: [{ e164Number: '333' }] })).toBe('333');
    expect(callerNumber(call)).toBeUndefined();
  });
});
