// GWS message shapes (reference/gws-facts.md, reference/004 FindPhoneCall). One schema per message:
// the simulator produces/validates with them, the widget parses with them. Unknown fields are allowed
// everywhere a real GWS may add some.
import Type from 'typebox';
import { FIND_PHONE_CALL_STATUSES, FIND_PHONE_CALL_TYPES } from './gws-constants';

export * from './gws-constants';

const Str = Type.String();
const Opt = <T extends Type.TSchema>(schema: T) => Type.Optional(schema);

/** Older GWS sends participants as strings, newer as objects. */
export const ParticipantInfo = Type.Object({
  phoneNumber: Opt(Str),
  digits: Opt(Str),
  e164Number: Opt(Str),
  formattedPhoneNumber: Opt(Str),
});
export type ParticipantInfo = Type.Static<typeof ParticipantInfo>;
export const Participant = Type.Union([Str, ParticipantInfo]);
export type Participant = Type.Static<typeof Participant>;

/** Attached data: a flat key/value map; GWS values are strings or numbers. */
export const UserData = Type.Record(Type.String(), Type.Unknown());
export type UserData = Type.Static<typeof UserData>;

export const Call = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 256 }),
  state: Type.String({ minLength: 1 }),
  callType: Opt(Str),
  connId: Opt(Str),
  callUuid: Opt(Str),
  dnis: Opt(Str),
  ani: Opt(Str),
  participants: Opt(Type.Array(Participant)),
  participantsInfo: Opt(Type.Array(ParticipantInfo)),
  userData: Opt(UserData),
  capabilities: Opt(Type.Array(Str)),
});
export type Call = Type.Static<typeof Call>;

export const CallStateChangeMessage = Type.Object({
  messageType: Type.Literal('CallStateChangeMessage'),
  notificationType: Type.String({ minLength: 1 }),
  call: Call,
  phoneNumber: Opt(Str),
});
export type CallStateChangeMessage = Type.Static<typeof CallStateChangeMessage>;

/** UCS result notification; `referenceId` is a number in the docs, accepted as string too. */
export const ReferenceId = Type.Union([Type.Integer(), Type.String({ minLength: 1 })]);
export const CreateInteractionResponse = Type.Object({
  messageType: Type.Literal('createInteractionResponse'),
  referenceId: ReferenceId,
  interactionId: Opt(Str),
  isCreated: Opt(Str),
  errorMessage: Opt(Str),
});
export type CreateInteractionResponse = Type.Static<typeof CreateInteractionResponse>;

/** `POST /api/v2/ucs/interactions`, exactly the seed's parameters; nothing else is sent. */
export const FindPhoneCallRequest = Type.Object(
  {
    operationName: Type.Literal('FindPhoneCall'),
    callId: Type.String({ minLength: 1 }),
    status: Type.Enum(FIND_PHONE_CALL_STATUSES),
    phoneNumber: Type.String({ minLength: 1 }),
    type: Type.Enum(FIND_PHONE_CALL_TYPES),
    contactId: Opt(Type.String({ minLength: 1 })),
    parentId: Opt(Type.String({ minLength: 1 })),
    threadId: Opt(Type.String({ minLength: 1 })),
    subject: Opt(Type.String({ minLength: 1 })),
    userData: Opt(UserData),
  },
  { additionalProperties: false },
);
export type FindPhoneCallRequest = Type.Static<typeof FindPhoneCallRequest>;

/** The HTTP answer is only an acknowledgement; the result comes as CreateInteractionResponse. */
export const FindPhoneCallAck = Type.Object({
  statusCode: Type.Integer(),
  referenceId: ReferenceId,
});
export type FindPhoneCallAck = Type.Static<typeof FindPhoneCallAck>;

/** `GET /api/v2/me/calls`: the calls in progress (used after a re-handshake). */
export const CurrentCalls = Type.Object({
  statusCode: Opt(Type.Integer()),
  calls: Type.Array(Call),
});
export type CurrentCalls = Type.Static<typeof CurrentCalls>;

/** `GET /api/v2/me`: what the widget reads of the user resource (GWS sends more). */
export const MeResource = Type.Object({
  user: Opt(
    Type.Object({
      id: Opt(Str),
      userName: Opt(Str),
      firstName: Opt(Str),
      lastName: Opt(Str),
      roles: Opt(Type.Array(Str)),
    }),
  ),
});
export type MeResource = Type.Static<typeof MeResource>;

/** `POST /api/v2/me` operations (StartContactCenterSession, …) answer with a status code. */
export const OperationAck = Type.Object({ statusCode: Opt(Type.Integer()) });
