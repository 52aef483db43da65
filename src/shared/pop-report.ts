// What one settled pop came to: told by the widget to its host page, its desktop, the supervisor feed
// (POST /api/pops) and the time-to-pop metric. One schema for all of them.
import Type from 'typebox';
import { AttributeSchema } from './lookup-api';

export const POP_OUTCOMES = ['found', 'not-found', 'error'] as const;
export type PopOutcome = (typeof POP_OUTCOMES)[number];
export const UCS_OUTCOMES = ['found', 'failed', 'timeout', 'error', 'skipped'] as const;

const Ms = Type.Number({ minimum: 0, maximum: 3_600_000 });

export const PopReport = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 256 }),
    caller: Type.Optional(Type.String({ maxLength: 128 })),
    /** Which call source handed the call over (gws, host-page, deep-link, wwe). */
    source: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' })),
    outcome: Type.Enum(POP_OUTCOMES),
    /** The attribute that won (found) or failed (error), and the value it was looked up with. */
    attribute: Type.Optional(AttributeSchema),
    value: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    uniqueId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    historyUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    errorCode: Type.Optional(Type.String({ pattern: '^[a-z0-9_]{1,64}$' })),
    ucs: Type.Optional(Type.Enum(UCS_OUTCOMES)),
    /** Epoch ms when the call reached the widget. */
    receivedAt: Type.Integer({ minimum: 0 }),
    timings: Type.Object(
      {
        /** FindPhoneCall to createInteractionResponse (or its failure). */
        ucsMs: Type.Optional(Ms),
        /** Call received to outcome known: the time to pop as the agent saw it. */
        totalMs: Ms,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type PopReport = Type.Static<typeof PopReport>;
