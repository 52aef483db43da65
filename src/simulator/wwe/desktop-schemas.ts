// What the stand-in WWE desktop checks, as JSON Schema handed to the page: the SCAPI messages it
// accepts and sends (src/shared/scapi-messages.ts), the parameters of the requests it implements,
// and their results. The page validates with @cfworker/json-schema, as the widget does.
import Type from 'typebox';
import {
  Interaction,
  InteractionEventData,
  InteractionList,
  JwtTokenAnswer,
  ScapiAnswer,
  ScapiEvent,
  ScapiFailure,
  ScapiRequest,
  ScapiSubscribe,
  ScapiSubscribed,
  ScapiUnsubscribe,
  ToastOptions,
} from '../../shared/scapi-messages';

const InteractionId = Type.String({ minLength: 1, maxLength: 256 });

/**
 * Attached data the simulator's call can hold (PUT /sim/calls/:id/user-data takes string values);
 * WWE itself also takes numbers, which the simulator does not model.
 */
const KeyValues = Type.Record(Type.String(), Type.String({ maxLength: 256 }), {
  propertyNames: { minLength: 1, maxLength: 64 },
  minProperties: 1,
  maxProperties: 64,
});

/** `parameters` of each request with any: positional, as the SCAPI client sends them. */
export const REQUEST_PARAMETERS = {
  'interaction.getByInteractionId': Type.Tuple([InteractionId]),
  'interaction.setUserData': Type.Tuple([InteractionId, KeyValues]),
  'system.popupToast': Type.Tuple([ToastOptions]),
};

/** `data` of each successful answer that carries one. */
export const REQUEST_RESULTS = {
  'interaction.getInteractions': InteractionList,
  'interaction.getByInteractionId': Type.Union([Interaction, Type.Null()]),
  'auth.getJwtToken': JwtTokenAnswer,
  'system.popupToast': Type.String({ minLength: 1 }),
  'agent.get': Type.Object({
    employeeId: Type.String(),
    firstname: Type.String(),
    lastname: Type.String(),
    username: Type.String(),
  }),
};

/** `data` of each event the desktop emits. */
export const EVENT_DATA = { interaction: InteractionEventData, markdone: InteractionEventData };

export const DESKTOP_SCHEMAS = {
  incoming: { request: ScapiRequest, subscribe: ScapiSubscribe, unsubscribe: ScapiUnsubscribe },
  outgoing: { answer: ScapiAnswer, failure: ScapiFailure, subscribed: ScapiSubscribed, event: ScapiEvent },
  parameters: REQUEST_PARAMETERS,
  results: REQUEST_RESULTS,
  events: EVENT_DATA,
};
