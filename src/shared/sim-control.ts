// The embedded simulator's control API (`/sim/*` on the simulator, `/api/sim/*` through the proxy):
// used by the simulator panel in the widget and by the e2e suite.
import Type from 'typebox';
import { CALL_TYPES } from './gws-constants';
import { Call } from './gws-messages';

export const PlaceCallRequest = Type.Object(
  {
    ani: Type.String({ minLength: 1, maxLength: 64 }),
    dnis: Type.Optional(Type.String({ maxLength: 64 })),
    callType: Type.Optional(Type.Enum(CALL_TYPES)),
    userData: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 256 }))),
    /** Go straight to Established (a call that never rang here). */
    established: Type.Optional(Type.Boolean()),
    /** The UCS interaction id FindPhoneCall will report for this call (tests that need to know it). */
    ucsInteractionId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
  },
  { additionalProperties: false },
);
export type PlaceCallRequest = Type.Static<typeof PlaceCallRequest>;

export const SimCall = Call;
export type SimCall = Type.Static<typeof SimCall>;

export const SimCallList = Type.Object({ calls: Type.Array(SimCall) });
export type SimCallList = Type.Static<typeof SimCallList>;

/** POST /sim/auth/token: a JWT from the simulated Genesys Auth, as WWE's `auth.getJwtToken` gives one. */
export const IssueTokenRequest = Type.Object(
  {
    sub: Type.String({ minLength: 1, maxLength: 256 }),
    userName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    roles: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 100 })),
    /** Default 3600. */
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  },
  { additionalProperties: false },
);
export type IssueTokenRequest = Type.Static<typeof IssueTokenRequest>;

export const IssueTokenResponse = Type.Object({ token: Type.String() });
export type IssueTokenResponse = Type.Static<typeof IssueTokenResponse>;

/** POST /sim/auth/rotate: sign with a new key; the previous one stays published unless retired. */
export const RotateKeysRequest = Type.Object(
  { retirePrevious: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type RotateKeysRequest = Type.Static<typeof RotateKeysRequest>;

export const RotateKeysResponse = Type.Object({
  /** The key tokens are signed with from now on. */
  kid: Type.String(),
  /** Every key in the JWKS now. */
  published: Type.Array(Type.String()),
});
export type RotateKeysResponse = Type.Static<typeof RotateKeysResponse>;

/** GET /sim/users: the simulator's demo accounts (not secrets), e.g. for the supervisor view to sign in. */
export const SimUser = Type.Object({
  username: Type.String(),
  password: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  roles: Type.Array(Type.String()),
});
export type SimUser = Type.Static<typeof SimUser>;

export const SimUserList = Type.Object({ users: Type.Array(SimUser) });
export type SimUserList = Type.Static<typeof SimUserList>;
