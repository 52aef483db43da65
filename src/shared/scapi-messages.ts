// Genesys Workspace Web Edition (WWE) Service Client API (SCAPI): the window.postMessage protocol WWE
// speaks with the pages it embeds. One schema per message, used by the widget (to check what WWE
// sends) and by the simulator's stand-in desktop (to check what the widget sends). Sources and the
// assumptions they leave open are listed in src/widget/features/wwe/README.md.
import Type from 'typebox';
import { SCAPI_CLIENT_AGENT, SCAPI_PROTOCOL_VERSION, SCAPI_SERVER_AGENT } from './scapi-constants';

export * from './scapi-constants';

const Agent = Type.Literal(SCAPI_SERVER_AGENT);
const Version = Type.Literal(SCAPI_PROTOCOL_VERSION);
const ReferenceId = Type.String({ minLength: 1, maxLength: 64 });
const Str = Type.String({ maxLength: 1024 });
const Opt = <T extends Type.TSchema>(schema: T) => Type.Optional(schema);

// ---- page → WWE ----

/** `{request: 'namespace.method', parameters: [positional…], referenceId}`. */
export const ScapiRequest = Type.Object({
  request: Type.String({ pattern: '^[A-Za-z]+\\.[A-Za-z]+$', maxLength: 128 }),
  parameters: Opt(Type.Array(Type.Unknown(), { maxItems: 16 })),
  referenceId: ReferenceId,
  userAgent: Type.Literal(SCAPI_CLIENT_AGENT),
  protocolVersion: Version,
});
export type ScapiRequest = Type.Static<typeof ScapiRequest>;

/** `{event: 'subscribe', data: ['interaction', …], referenceId}`, answered with a subscriptionId. */
export const ScapiSubscribe = Type.Object({
  event: Type.Literal('subscribe'),
  data: Type.Union([Str, Type.Array(Str, { minItems: 1, maxItems: 16 })]),
  referenceId: ReferenceId,
  userAgent: Type.Literal(SCAPI_CLIENT_AGENT),
  protocolVersion: Version,
});
export type ScapiSubscribe = Type.Static<typeof ScapiSubscribe>;

/** `{event: 'unsubscribe', data: subscriptionId}`: no answer. */
export const ScapiUnsubscribe = Type.Object({
  event: Type.Literal('unsubscribe'),
  data: Str,
  userAgent: Type.Literal(SCAPI_CLIENT_AGENT),
  protocolVersion: Version,
});
export type ScapiUnsubscribe = Type.Static<typeof ScapiUnsubscribe>;

export type ScapiOutgoing = ScapiRequest | ScapiSubscribe | ScapiUnsubscribe;

// ---- WWE → page ----

/** The answer to a subscribe: the subscription id sits at the top level. */
export const ScapiSubscribed = Type.Object({
  referenceId: ReferenceId,
  subscriptionId: Str,
  userAgent: Agent,
  protocolVersion: Version,
});
export type ScapiSubscribed = Type.Static<typeof ScapiSubscribed>;

/** A failed request: the presence of `errorMessage` is what marks failure. */
export const ScapiFailure = Type.Object({
  referenceId: ReferenceId,
  errorMessage: Type.String({ maxLength: 4096 }),
  userAgent: Agent,
  protocolVersion: Version,
});
export type ScapiFailure = Type.Static<typeof ScapiFailure>;

/** A successful answer: the result, if any, under `data`. */
export const ScapiAnswer = Type.Object({
  referenceId: ReferenceId,
  data: Opt(Type.Unknown()),
  userAgent: Agent,
  protocolVersion: Version,
});
export type ScapiAnswer = Type.Static<typeof ScapiAnswer>;

/** An event of a subscription: `{event: 'interaction', data: {…}}`. */
export const ScapiEvent = Type.Object({
  event: Type.String({ minLength: 1, maxLength: 128 }),
  data: Opt(Type.Unknown()),
  userAgent: Agent,
  protocolVersion: Version,
});
export type ScapiEvent = Type.Static<typeof ScapiEvent>;

// ---- payloads ----

/**
 * `interaction.Interaction`: the documented fields. `interactionId` is WWE's own id (client-side, not
 * the UCS id); the voice-only fields are callUuid, direction, callType, ani, dnis.
 */
export const Interaction = Type.Object({
  interactionId: Type.String({ minLength: 1, maxLength: 256 }),
  parentInteractionId: Opt(Type.String({ maxLength: 256 })),
  caseId: Opt(Type.String({ maxLength: 256 })),
  userData: Opt(Type.Record(Type.String({ maxLength: 256 }), Type.Unknown())),
  state: Type.String({ minLength: 1, maxLength: 64 }),
  previousState: Opt(Type.String({ maxLength: 64 })),
  parties: Opt(Type.Array(Type.Unknown(), { maxItems: 64 })),
  isConsultation: Opt(Type.Boolean()),
  isMainCaseInteraction: Opt(Type.Boolean()),
  startDate: Opt(Type.Union([Type.Number(), Type.String({ maxLength: 64 })])),
  callUuid: Opt(Type.String({ maxLength: 256 })),
  direction: Opt(Type.String({ maxLength: 32 })),
  callType: Opt(Type.String({ maxLength: 32 })),
  ani: Opt(Type.String({ maxLength: 128 })),
  dnis: Opt(Type.String({ maxLength: 128 })),
  recordingState: Opt(Type.String({ maxLength: 32 })),
});
export type Interaction = Type.Static<typeof Interaction>;

/** An `interaction` (or `markdone`) event's data: the Interaction itself, or wrapped with an event type. */
export const InteractionEventData = Type.Union([
  Interaction,
  Type.Object({ eventType: Opt(Type.String({ maxLength: 64 })), interaction: Interaction }),
]);
export type InteractionEventData = Type.Static<typeof InteractionEventData>;

/** `interaction.getInteractions`. */
export const InteractionList = Type.Array(Interaction, { maxItems: 256 });

/** `auth.getJwtToken`: `{expiration: ISO 8601, jwtToken}`. */
export const JwtTokenAnswer = Type.Object({
  jwtToken: Type.String({ minLength: 16, maxLength: 16_384 }),
  expiration: Opt(Type.String({ maxLength: 64 })),
});
export type JwtTokenAnswer = Type.Static<typeof JwtTokenAnswer>;

/** `system.popupToast` options (the sample's keys). */
export const ToastOptions = Type.Object({
  title: Type.String({ maxLength: 256 }),
  message: Type.String({ maxLength: 1024 }),
  subject: Opt(Type.String({ maxLength: 256 })),
  autoCloseTimeout: Opt(Type.Integer({ minimum: 0 })),
  buttonShowDismiss: Opt(Type.Boolean()),
});
export type ToastOptions = Type.Static<typeof ToastOptions>;

/** `system.amIVisible`: whether the page's panel is in view. */
export const VisibilityAnswer = Type.Boolean();
