import { describe, expect, it } from 'vitest';
import { clearedUrl, readSearch, searchUrl, validateValue } from '../model/search-params';

describe('supervisor deep links', () => {
  it('reads attribute and value, + included', () => {
    expect(readSearch('?mode=supervisor&attribute=clickToCall&value=%2B12121234567')).toEqual({
      attribute: 'clickToCall',
      value: '+12121234567',
    });
  });
  it.each([
    '?mode=supervisor',
    '?attribute=ani&value=1',
    '?attribute=dtmf&value=',
    `?attribute=dtmf&value=${'1'.repeat(129)}`,
    '?attribute=dtmf&value=a%0Ab',
  ])('ignores %s', (search) => expect(readSearch(search)).toBeNull());
  it('writes a link that reads back the same', () => {
    const url = searchUrl('?mode=supervisor&theme=dark', { attribute: 'dtmf', value: 'a&b=c' });
    expect(readSearch(url)).toEqual({ attribute: 'dtmf', value: 'a&b=c' });
    expect(url).toContain('theme=dark');
  });
  it('clears the search and keeps the rest of the view', () => {
    const url = clearedUrl('?mode=supervisor&attribute=dtmf&value=1&window=4h');
    expect(readSearch(url)).toBeNull();
    expect(url).toBe('?mode=supervisor&window=4h');
  });
  it('validates like the proxy', () => {
    expect(validateValue('')).toBe('empty');
    expect(validateValue('x'.repeat(129))).toBe('too-long');
    expect(validateValue('a\rb')).toBe('control-characters');
    expect(validateValue('+12121234567')).toBeNull();
  });
});
