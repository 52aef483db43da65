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
  },
  { additionalProperties: false },
);
export type PlaceCallRequest = Type.Static<typeof PlaceCallRequest>;

export const SimCall = Call;
export type SimCall = Type.Static<typeof SimCall>;

export const SimCallList = Type.Object({ calls: Type.Array(SimCall) });
export type SimCallList = Type.Static<typeof SimCallList>;
