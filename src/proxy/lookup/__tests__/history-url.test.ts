import { describe, expect, it } from 'vitest';
import { historyUrl } from '../history-url';

describe('historyUrl', () => {
  it('substitutes the URL-encoded id everywhere', () => {
    expect(historyUrl('https://h.example/{uniqueId}?again={uniqueId}', 'a b/c')).toBe(
      'https://h.example/a%20b%2Fc?again=a%20b%2Fc',
    );
  });
});
