// The postMessage contract between a host page (agent desktop) and the embedded widget (DESIGN.md,
// "Embedding contract"). Incoming messages are validated against these schemas; outgoing ones are
// built to them and sent to the parent's origin only.
import Type from 'typebox';

const Id = Type.String({ minLength: 1, maxLength: 256 });
const Short = Type.String({ maxLength: 128 });

/** The call states a host may report; absent means Established (a call the agent has answered). */
export const HOST_CALL_STATES = ['Ringing', 'Dialing', 'Established', 'Held', 'Released'] as const;

export const HostCallMessage = Type.Object({
  type: Type.Literal('uhw:call'),
  call: Type.Object({
    id: Id,
    state: Type.Optional(Type.Enum(HOST_CALL_STATES)),
    ani: Type.Optional(Short),
    dnis: Type.Optional(Short),
    type: Type.Optional(Type.String({ maxLength: 32 })),
    userData: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 256 }))),
  }),
});
export type HostCallMessage = Type.Static<typeof HostCallMessage>;

export const HostThemeMessage = Type.Object({
  type: Type.Literal('uhw:theme'),
  theme: Type.Enum(['light', 'dark', 'system']),
});
export type HostThemeMessage = Type.Static<typeof HostThemeMessage>;

export type WidgetMessage =
  | { type: 'uhw:ready' }
  | { type: 'uhw:popped'; callId: string; uniqueId: string; historyUrl: string }
  | { type: 'uhw:error'; callId: string; code: string };
