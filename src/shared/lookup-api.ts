// Contract of the proxy's lookup route, shared by the proxy (route schema) and the widget (types, client).
import Type from 'typebox';

/** Caller attributes Uniphore can search by, spelled as in its REST path and SOAP `searchCreteria`. */
export const ATTRIBUTES = ['dtmf', 'callReturn', 'clickToCall', 'historySearchId'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const isAttribute = (value: unknown): value is Attribute =>
  typeof value === 'string' && (ATTRIBUTES as readonly string[]).includes(value);

export const MAX_VALUE_LENGTH = 128;

/** No C0/C1 control characters (CR/LF included), no Unicode line/paragraph separators. */
export const VALUE_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+$';

export const AttributeSchema = Type.Union(ATTRIBUTES.map((a) => Type.Literal(a)));

export const UniqueIdParams = Type.Object({
  attribute: AttributeSchema,
  value: Type.String({ minLength: 1, maxLength: MAX_VALUE_LENGTH, pattern: VALUE_PATTERN }),
});
export type UniqueIdParams = Type.Static<typeof UniqueIdParams>;

export const UniqueIdFound = Type.Object({
  uniqueId: Type.String({ minLength: 1 }),
  attribute: AttributeSchema,
  historyUrl: Type.String({ minLength: 1 }),
});
export type UniqueIdFound = Type.Static<typeof UniqueIdFound>;

/** Stable machine-readable codes carried in every problem+json body (`code`, and `type` = PROBLEM_TYPE_BASE + code). */
export const PROBLEM_CODES = [
  'invalid_attribute',
  'invalid_value',
  'not_found',
  'unauthenticated',
  'rate_limited',
  'upstream_unauthorized',
  'upstream_error',
  'upstream_bad_response',
  'upstream_unreachable',
  'upstream_timeout',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export const PROBLEM_TYPE_BASE = 'urn:uniphore-history-widget:problem:';

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.Union(PROBLEM_CODES.map((c) => Type.Literal(c))),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
});
export type Problem = Type.Static<typeof Problem>;

export const uniqueIdPath = (attribute: Attribute, value: string): string =>
  `/api/uniphore/unique-id/${attribute}/${encodeURIComponent(value)}`;
