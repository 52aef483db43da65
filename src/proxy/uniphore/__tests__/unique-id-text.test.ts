import { describe, expect, it } from 'vitest';
import { classifyUniqueIdText, isNotFoundSentence } from '../unique-id-text';

describe('classifyUniqueIdText', () => {
  it.each([
    'UUID for attribute dtmf was not found',
    'UUID for history search 0523331010 was not found',
    'uuid for attribute <attribute search> was not found.',
  ])('recognises the not-found sentence %j', (text) => {
    expect(isNotFoundSentence(text)).toBe(true);
    expect(classifyUniqueIdText(text)).toEqual({ kind: 'not_found' });
  });
  it('accepts ordinary ids', () => {
    expect(classifyUniqueIdText('744907dd90-6b2e7b816f538cd')).toEqual({
      kind: 'found',
      uniqueId: '744907dd90-6b2e7b816f538cd',
    });
  });
  it('rejects dot segments, which would move a history URL elsewhere', () => {
    expect(classifyUniqueIdText('.').kind).toBe('bad_response');
    expect(classifyUniqueIdText('..').kind).toBe('bad_response');
    expect(classifyUniqueIdText('...').kind).toBe('found');
  });
  it('rejects lone surrogates', () => {
    expect(classifyUniqueIdText('a\uD800b').kind).toBe('bad_response');
  });
  it('unwraps a quoted id only once', () => {
    expect(classifyUniqueIdText('"\\"x\\""').kind).toBe('bad_response');
  });
});
