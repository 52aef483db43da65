import { describe, expect, it } from 'vitest';
import { callerNumberFormat } from '../phone-format';

describe('callerNumberFormat', () => {
  it('writes numbers of the agent region in national format, others in international format', () => {
    expect(callerNumberFormat('US')('+14155550100')).toBe('(415) 555-0100');
    expect(callerNumberFormat('US')('+33123456789')).toBe('+33 1 23 45 67 89');
    expect(callerNumberFormat('FR')('+33123456789')).toBe('01 23 45 67 89');
    expect(callerNumberFormat('FR')('+14155550100')).toBe('+1 415 555 0100');
  });

  it('reads national digits as numbers of the agent region', () => {
    expect(callerNumberFormat('US')('4155550100')).toBe('(415) 555-0100');
    expect(callerNumberFormat('DE')('030123456')).toBe('030 123456');
  });

  it('shows anything that is not a valid number as it came', () => {
    for (const raw of ['4567', 'sip:alice@example.com', '+19995550000', '', 'anonymous']) {
      expect(callerNumberFormat('US')(raw)).toBe(raw);
    }
  });

  it('formats internationally without a known region', () => {
    expect(callerNumberFormat(undefined)('+14155550100')).toBe('+1 415 555 0100');
    expect(callerNumberFormat('XA')('+33123456789')).toBe('+33 1 23 45 67 89');
  });
});
