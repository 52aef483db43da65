import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOKUP_ORDER, LookupOrderError, parseLookupOrder, resolveSource } from '../lookup-order';

describe('parseLookupOrder', () => {
  it('parses the default order, highest priority first', () => {
    const steps = parseLookupOrder(DEFAULT_LOOKUP_ORDER);
    expect(steps.map((s) => s.attribute)).toEqual([
      'historySearchId',
      'historySearchId',
      'dtmf',
      'callReturn',
      'clickToCall',
    ]);
    expect(steps[1]).toEqual({ attribute: 'historySearchId', source: 'interactionId' });
  });

  it.each([
    ['', /no lookup step/],
    ['foo=ani', /not one of/],
    ['dtmf=nowhere', /not interactionId/],
    ['dtmf', /not attribute=source/],
    ['dtmf=ani=x', /not attribute=source/],
    ['dtmf=ani,dtmf=ani', /twice/],
  ])('rejects %j', (text, message) => {
    expect(() => parseLookupOrder(text)).toThrow(LookupOrderError);
    expect(() => parseLookupOrder(text)).toThrow(message);
  });
});

describe('resolveSource', () => {
  const context = { interactionId: 'IX1', ani: ' +12121234567 ', userData: { DTMF: 4567, empty: '' } };
  it('reads each kind of source', () => {
    expect(resolveSource('interactionId', context)).toBe('IX1');
    expect(resolveSource('ani', context)).toBe('+12121234567');
    expect(resolveSource('userData.DTMF', context)).toBe('4567');
  });
  it('yields undefined for absent or empty values', () => {
    expect(resolveSource('dnis', context)).toBeUndefined();
    expect(resolveSource('userData.empty', context)).toBeUndefined();
    expect(resolveSource('userData.missing', context)).toBeUndefined();
  });
});
