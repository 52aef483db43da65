import { describe, expect, it } from 'vitest';
import { trustedHistoryUrl } from '../history-url';

describe('trustedHistoryUrl', () => {
  const origin = 'https://gointeract.io';
  it('accepts a page on the history origin', () => {
    expect(trustedHistoryUrl('https://gointeract.io/history/a%2Fb', origin)).toBe(
      'https://gointeract.io/history/a%2Fb',
    );
  });
  it.each([
    'javascript:alert(1)',
    'https://evil.example/history/1',
    'http://gointeract.io/history/1',
    'not a url',
    'data:text/html,hi',
  ])('refuses %s', (url) => expect(trustedHistoryUrl(url, origin)).toBeNull());
});
