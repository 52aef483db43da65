// Lookup-route constants with no schema-library dependency, so the browser bundle can import them
// without pulling in TypeBox (the widget validates with build-time JSON Schema snapshots instead).

/** Caller attributes Uniphore can search by, spelled as in its REST path and SOAP `searchCreteria`. */
export const ATTRIBUTES = ['dtmf', 'callReturn', 'clickToCall', 'historySearchId'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const isAttribute = (value: unknown): value is Attribute =>
  typeof value === 'string' && (ATTRIBUTES as readonly string[]).includes(value);

export const MAX_VALUE_LENGTH = 128;

/** No C0/C1 control characters (CR/LF included), no Unicode line/paragraph separators. */
export const VALUE_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+$';

/** Stable machine-readable codes carried in every problem+json body (`code`, and `type` = PROBLEM_TYPE_BASE + code). */
export const PROBLEM_CODES = [
  'invalid_attribute',
  'invalid_value',
  'not_found',
  'unauthenticated',
  'rate_limited',
  'payload_too_large',
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
