import { describe, expect, it } from 'vitest';
import { hostCall, outcomeMessage } from '../host-page-source';

describe('host page calls', () => {
  it('are answered calls unless the host says otherwise, and the host can release them', () => {
    expect(hostCall({ id: 'H1', ani: '+1', type: 'Inbound' })).toEqual({
      id: 'H1',
      gwsCallId: 'H1',
      state: 'Established',
      callType: 'Inbound',
      ani: '+1',
      dnis: undefined,
      userData: undefined,
    });
    expect(hostCall({ id: 'H1', state: 'Ringing' }).state).toBe('Ringing');
    expect(hostCall({ id: 'H1', state: 'Released' }).state).toBe('Released');
  });

  it('hear back one message per pop outcome', () => {
    const base = { callId: 'H1', receivedAt: 1, timings: { totalMs: 5 } };
    expect(outcomeMessage({ ...base, outcome: 'found', uniqueId: 'U', historyUrl: 'https://h/U' })).toEqual({
      type: 'uhw:popped',
      callId: 'H1',
      uniqueId: 'U',
      historyUrl: 'https://h/U',
    });
    expect(outcomeMessage({ ...base, outcome: 'not-found' })).toEqual({
      type: 'uhw:error',
      callId: 'H1',
      code: 'not_found',
    });
    expect(outcomeMessage({ ...base, outcome: 'error', errorCode: 'upstream_timeout' })).toEqual({
      type: 'uhw:error',
      callId: 'H1',
      code: 'upstream_timeout',
    });
  });
});
