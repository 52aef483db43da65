// The one value pattern, as the browser and Ajv (Unicode mode) run it. Values that cannot travel in
// a URL at all (lone surrogates) are checked here; the route tests cover the rest end to end.
import { describe, expect, it } from 'vitest';
import { VALUE_PATTERN } from '../lookup-constants';

const pattern = new RegExp(VALUE_PATTERN, 'u');

describe('VALUE_PATTERN', () => {
  it.each([
    '4567',
    '+12121234567',
    'a/../b',
    '%2F',
    '...',
    '.a',
    'x'.repeat(128),
    '😀'.repeat(128),
    'ünïcødé 電話',
  ])('accepts %j', (value) => {
    expect(pattern.test(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['NUL', 'a\u0000b'],
    ['CR/LF', 'a\r\nb'],
    ['tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
    ['lone high surrogate', 'a\uD800b'],
    ['lone low surrogate', 'a\uDC00'],
    ['XML noncharacter U+FFFE', 'a\uFFFEb'],
    ['XML noncharacter U+FFFF', '\uFFFF'],
    ['dot', '.'],
    ['dot-dot', '..'],
  ])('refuses a value with %s', (_name, value) => {
    expect(pattern.test(value)).toBe(false);
  });
});
