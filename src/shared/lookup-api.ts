// Contract of the proxy's lookup route, shared by the proxy (route schema) and the widget (types, client).
import Type from 'typebox';
import { ATTRIBUTES, MAX_VALUE_LENGTH, PROBLEM_CODES, VALUE_PATTERN } from './lookup-constants';

export * from './lookup-constants';

export const AttributeSchema = Type.Enum(ATTRIBUTES);

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

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.Enum(PROBLEM_CODES),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
});
export type Problem = Type.Static<typeof Problem>;

/** `GET /api/history/framing?url=`: may the widget frame that history page. */
export const FramingVerdict = Type.Object({ frameable: Type.Boolean() });
export type FramingVerdict = Type.Static<typeof FramingVerdict>;
