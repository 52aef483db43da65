// Lookup-route constants with no schema-library dependency, so the browser bundle can import them
// without pulling in TypeBox (the widget validates with checks compiled at build time instead).

/** Caller attributes Uniphore can search by, spelled as in its REST path and SOAP `searchCreteria`. */
export const ATTRIBUTES = ['dtmf', 'callReturn', 'clickToCall', 'historySearchId'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const isAttribute = (value: unknown): value is Attribute =>
  typeof value === 'string' && (ATTRIBUTES as readonly string[]).includes(value);

export const MAX_VALUE_LENGTH = 128;

/**
 * Every rule on a lookup value but its length, as one pattern for Unicode mode (the `u` flag: Ajv's
 * default; `new RegExp(VALUE_PATTERN, 'u')` elsewhere, without which it refuses every emoji):
 * - not "." or "..": encoded or not, they are dot segments and would move the upstream path;
 * - no C0/C1 control characters (CR/LF included) and no U+2028/U+2029 line separators;
 * - no U+FFFE/U+FFFF, which XML 1.0 forbids (the SOAP request), and no lone surrogates, which can
 *   be neither URL-encoded nor sent in XML.
 * The length (1..MAX_VALUE_LENGTH) is counted in code points, as JSON Schema's maxLength is.
 */
export const VALUE_PATTERN =
  '^(?!\\.\\.?$)[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\uFFFE\\uFFFF\\uD800-\\uDFFF]+$';

/** Stable machine-readable codes carried in every problem+json body (`code`, and `type` = PROBLEM_TYPE_BASE + code). */
export const PROBLEM_CODES = [
  'invalid_attribute',
  'invalid_value',
  'not_found',
  'unauthenticated',
  'rate_limited',
  'payload_too_large',
  'invalid_report',
  'forbidden',
  'upstream_unauthorized',
  'upstream_error',
  'upstream_bad_response',
  'upstream_unreachable',
  'upstream_timeout',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export const PROBLEM_TYPE_BASE = 'urn:uniphore-history-widget:problem:';

export const uniqueIdPath = (attribute: Attribute, value: string): string =>
  `/api/uniphore/unique-id/${attribute}/${encodeURIComponent(value)}`;
