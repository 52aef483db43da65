import { describe, expect, it } from 'vitest';
import { historyUrl } from '../history-url';
import { validateLookupInput } from '../validate';

describe('validateLookupInput', () => {
  it.each([
    ['dtmf', '4567'],
    ['clickToCall', '+12121234567'],
    ['historySearchId', 'a/../b'],
    ['historySearchId', '%2F'],
    ['historySearchId', '...'],
    ['callReturn', 'x'.repeat(128)],
    ['callReturn', '😀'.repeat(128)],
    ['dtmf', 'ünïcødé 電話'],
  ])('accepts %s=%j', (attribute, value) => {
    expect(validateLookupInput(attribute, value)).toEqual({ ok: true, attribute, value });
  });

  it.each([['DTMF'], ['ani'], [''], ['__proto__'], ['constructor'], [undefined]])(
    'rejects attribute %j as invalid_attribute',
    (attribute) => {
      expect(validateLookupInput(attribute, '1')).toMatchObject({ ok: false, code: 'invalid_attribute' });
    },
  );

  it.each([
    ['empty', ''],
    ['129 characters', 'x'.repeat(129)],
    ['NUL', 'a\u0000b'],
    ['CR/LF', 'a\r\nb'],
    ['LF', 'a\nb'],
    ['tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['lone surrogate', 'a\uD800b'],
    ['XML noncharacter', 'a\uFFFEb'],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['not a string', 42],
  ])('rejects a value with %s as invalid_value', (_name, value) => {
    expect(validateLookupInput('dtmf', value)).toMatchObject({ ok: false, code: 'invalid_value' });
  });
});

describe('historyUrl', () => {
  it('substitutes the URL-encoded id everywhere', () => {
    expect(historyUrl('https://h.example/{uniqueId}?again={uniqueId}', 'a b/c')).toBe(
      'https://h.example/a%20b%2Fc?again=a%20b%2Fc',
    );
  });
});
