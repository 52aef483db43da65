import { describe, expect, it } from 'vitest';
import { deepLinkCall } from '../deep-link-source';

describe('deepLinkCall', () => {
  it('pops the call a URL names, answered', () => {
    expect(deepLinkCall('?mode=embedded&callId=C-9&ani=%2B14155550100&dnis=5001&type=Inbound')).toEqual({
      id: 'C-9',
      gwsCallId: 'C-9',
      state: 'Established',
      ani: '+14155550100',
      dnis: '5001',
      callType: 'Inbound',
    });
  });
  it('names no call without a callId, or with one too long', () => {
    expect(deepLinkCall('?ani=1')).toBeNull();
    expect(deepLinkCall(`?callId=${'x'.repeat(257)}`)).toBeNull();
  });
  it('drops an over-long value instead of sending it', () => {
    expect(deepLinkCall(`?callId=C&ani=${'9'.repeat(129)}`)?.ani).toBeUndefined();
  });
});
