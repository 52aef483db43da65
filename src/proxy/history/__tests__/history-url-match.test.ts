import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyUrl } from '../../lookup/history-url';
import { classifyUniqueIdText } from '../../uniphore/unique-id-text';
import { historyUrlMatcher } from '../history-url-match';

const WITH_QUERY = 'https://history.example.test/interact/history/{uniqueId}?view=agent';
const PLAIN = 'https://gointeract.io/interact/history/{uniqueId}';
const IN_QUERY = 'https://h.example/history?id={uniqueId}&view=agent';
const TWICE = 'https://h.example/{uniqueId}?again={uniqueId}';

const page = (id: string) => `https://history.example.test/interact/history/${id}?view=agent`;

describe('historyUrlMatcher', () => {
  it.each([
    [WITH_QUERY, page('abc'), 'abc'],
    [WITH_QUERY, page('744907dd90-6b2e7b816f538cd'), '744907dd90-6b2e7b816f538cd'],
    // The same URL as the widget normalises it: scheme and host are case-insensitive.
    [WITH_QUERY, 'HTTPS://History.Example.TEST/interact/history/abc?view=agent', 'abc'],
    [WITH_QUERY, page('a%2Bb'), 'a+b'],
    [WITH_QUERY, page('%C3%A4%E9%9B%BB'), 'ä電'],
    [PLAIN, 'https://gointeract.io/interact/history/X-1', 'X-1'],
    // encodeURIComponent leaves ' alone; in a query the URL parser then encodes it.
    [IN_QUERY, "https://h.example/history?id=o'neil&view=agent", "o'neil"],
    [IN_QUERY, 'https://h.example/history?id=o%27neil&view=agent', "o'neil"],
    [TWICE, 'https://h.example/a1?again=a1', 'a1'],
  ])('finds the id in a page %s yields: %s', (template, url, id) => {
    expect(historyUrlMatcher(template)(url)).toBe(id);
  });

  it.each([
    ['another path', 'https://history.example.test/admin?view=agent'],
    ['another path below the origin', 'https://history.example.test/interact/other/abc?view=agent'],
    ['no id', page('')],
    ['a path below the page', page('abc/def')],
    ['a traversal', page('../../admin')],
    ['an encoded traversal', page('%2e%2e/admin')],
    ['a traversal after the id', page('abc/../../x')],
    ['an encoded slash', page('a%2Fb')],
    ['an encoded slash, lower case', page('a%2fb')],
    ['encoded slashes climbing out', page('..%2F..%2Fadmin')],
    ['an encoded backslash', page('..%5C..%5Cadmin')],
    ['a double-encoded slash', page('a%252Fb')],
    ['an escape the proxy would not write', page('ab%63')],
    ['an encoded space', page('a%20b')],
    ['a malformed escape', page('%E0%A4%A')],
    ['an extra query parameter', `${page('abc')}&x=1`],
    ['a parameter before', 'https://history.example.test/interact/history/abc?x=1&view=agent'],
    ['another view', 'https://history.example.test/interact/history/abc?view=supervisor'],
    ['no query', 'https://history.example.test/interact/history/abc'],
    ['a fragment', `${page('abc')}#top`],
    ['another scheme', 'http://history.example.test/interact/history/abc?view=agent'],
    ['another host', 'https://evil.example.test/interact/history/abc?view=agent'],
    ['credentials', 'https://u:p@history.example.test/interact/history/abc?view=agent'],
    ['not a URL', 'not a url'],
  ])('refuses %s: %s', (_name, url) => {
    expect(historyUrlMatcher(WITH_QUERY)(url)).toBeUndefined();
  });

  it('wants the same id at every place the template names it', () => {
    expect(historyUrlMatcher(TWICE)('https://h.example/a1?again=b2')).toBeUndefined();
    expect(historyUrlMatcher(TWICE)('https://h.example/a1?again=a1&x=1')).toBeUndefined();
  });

  it('refuses ids with a query separator smuggled into a query template', () => {
    const match = historyUrlMatcher(IN_QUERY);
    expect(match('https://h.example/history?id=a&x=1&view=agent')).toBeUndefined();
    expect(match('https://h.example/history?id=a%26x%3D1&view=agent')).toBe('a&x=1');
  });

  it('recognises every page the proxy can produce, wherever the template puts the id', () => {
    const id = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => classifyUniqueIdText(s, false).kind === 'found' && !/[/\\%]/.test(s) && s === s.trim());
    fc.assert(
      fc.property(fc.constantFrom(WITH_QUERY, PLAIN, IN_QUERY, TWICE), id, (template, uniqueId) => {
        const url = new URL(historyUrl(template, uniqueId)).href;
        expect(historyUrlMatcher(template)(url)).toBe(uniqueId);
      }),
    );
  });
});
