// SCAPI constants with no schema-library dependency, so the browser bundle can import them without
// pulling in TypeBox (the widget validates with checks compiled at build time instead).

/** `protocolVersion` of every message both ways (the MIT sample client, wwe-service-client-api.js). */
export const SCAPI_PROTOCOL_VERSION = 2;
/** `userAgent` of messages from the page, and of messages from WWE. */
export const SCAPI_CLIENT_AGENT = 'WWE Client';
export const SCAPI_SERVER_AGENT = 'WWE Server';

/** Interaction states as WWE reports them (voice: no ESTABLISHED/RELEASED; TALKING and IDLE instead). */
export const WWE_STATES = {
  RINGING: 'Ringing',
  DIALING: 'Dialing',
  TALKING: 'Established',
  HELD: 'Held',
  IDLE: 'Released',
  COMPLETED: 'Released',
} as const;
