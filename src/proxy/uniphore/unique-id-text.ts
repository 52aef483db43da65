// What counts as a unique id in an upstream answer. Uniphore reports "not found" in-band on SOAP
// (and some REST deployments answer 200 with the same sentence): that text must never reach an
// agent as if it were an id, and neither must an error page or a JSON error document.

export const MAX_UNIQUE_ID_LENGTH = 256;

const NOT_FOUND_SENTENCE = /^UUID for [\s\S]* was not found\.?$/i;
const NO_WHITESPACE_OR_CONTROLS = /^[^\s\p{Cc}]+$/u;
/** In `u` mode this matches only unpaired surrogates, which encodeURIComponent cannot encode. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export type IdTextVerdict =
  | { kind: 'found'; uniqueId: string }
  | { kind: 'not_found' }
  | { kind: 'bad_response'; detail: string };

export function isNotFoundSentence(text: string): boolean {
  return NOT_FOUND_SENTENCE.test(text.trim());
}

export function classifyUniqueIdText(raw: string, allowQuoted = true): IdTextVerdict {
  const text = raw.trim();
  if (text === '') return { kind: 'bad_response', detail: 'empty id' };
  if (isNotFoundSentence(text)) return { kind: 'not_found' };
  if (/[\r\n]/.test(text)) return { kind: 'bad_response', detail: 'multi-line body' };
  // A JSON-encoded string is still the bare id, just quoted by the server's JSON provider.
  if (allowQuoted && text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch {
      return { kind: 'bad_response', detail: 'malformed quoted id' };
    }
    if (typeof decoded === 'string') return classifyUniqueIdText(decoded, false);
  }
  if (text.startsWith('<')) return { kind: 'bad_response', detail: 'markup instead of an id' };
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    return { kind: 'bad_response', detail: 'JSON document instead of an id' };
  }
  if ([...text].length > MAX_UNIQUE_ID_LENGTH) return { kind: 'bad_response', detail: 'id too long' };
  // In a history URL a dot segment would move the path: that page is not this id's.
  if (text === '.' || text === '..') return { kind: 'bad_response', detail: 'dot segment instead of an id' };
  if (!NO_WHITESPACE_OR_CONTROLS.test(text) || LONE_SURROGATE.test(text)) {
    return { kind: 'bad_response', detail: 'id contains whitespace or control characters' };
  }
  return { kind: 'found', uniqueId: text };
}
