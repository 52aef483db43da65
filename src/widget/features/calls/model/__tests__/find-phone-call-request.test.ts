import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { FindPhoneCallRequest } from '../../../../../shared/gws-messages';
import { findPhoneCallStatus, findPhoneCallType, toFindPhoneCallRequest } from '../find-phone-call-request';

describe('toFindPhoneCallRequest', () => {
  const call = {
    id: 'CALL1',
    gwsCallId: 'CALL1',
    state: 'Ringing',
    callType: 'Inbound',
    userData: { ContactId: '0000DaA3G4VF000Q', Subject: 'Billing', historySearchId: 'H1' },
  };

  it('maps the call to a request the seed accepts', () => {
    const request = toFindPhoneCallRequest(call, '+14155550100', {
      contactId: 'ContactId',
      subject: 'Subject',
    });
    expect(request).toEqual({
      operationName: 'FindPhoneCall',
      callId: 'CALL1',
      status: 'New',
      phoneNumber: '+14155550100',
      type: 'Inbound',
      contactId: '0000DaA3G4VF000Q',
      subject: 'Billing',
      userData: call.userData,
    });
    expect(Value.Check(FindPhoneCallRequest, request)).toBe(true);
  });

  it('needs a phone number', () => {
    expect(toFindPhoneCallRequest(call, undefined, {})).toBeNull();
  });

  it('needs the GWS call id, and sends it rather than a desktop’s own interaction id', () => {
    expect(toFindPhoneCallRequest({ ...call, gwsCallId: undefined }, '+1', {})).toBeNull();
    expect(toFindPhoneCallRequest({ ...call, id: 'wwe-7', gwsCallId: 'GWS-7' }, '+1', {})?.callId).toBe(
      'GWS-7',
    );
  });

  it('leaves out optional fields the call does not carry', () => {
    const request = toFindPhoneCallRequest({ id: 'C', gwsCallId: 'C', state: 'Established' }, '1', {
      parentId: 'Parent',
    });
    expect(request).toEqual({
      operationName: 'FindPhoneCall',
      callId: 'C',
      status: 'InProcess',
      phoneNumber: '1',
      type: 'Unknown',
    });
  });

  it.each([
    ['Ringing', 'New'],
    ['Dialing', 'New'],
    ['Established', 'InProcess'],
    ['Held', 'InProcess'],
    ['Released', 'Stopped'],
    ['Something', 'Pending'],
  ])('state %s → status %s', (state, status) => expect(findPhoneCallStatus(state)).toBe(status));

  it.each([
    ['Inbound', 'Inbound'],
    ['Consult', 'Consult'],
    ['Mystery', 'Unknown'],
    [undefined, 'Unknown'],
  ])('callType %s → type %s', (callType, type) => expect(findPhoneCallType(callType)).toBe(type));
});
