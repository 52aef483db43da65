// GWS enums and channel names with no schema-library dependency (safe for the browser bundle).

/** Documented states and types; others may appear, so the schemas accept any non-empty string. */
export const CALL_STATES = ['Dialing', 'Ringing', 'Established', 'Held', 'Released'] as const;
export type KnownCallState = (typeof CALL_STATES)[number];
export const CALL_TYPES = ['Inbound', 'Outbound', 'Internal', 'Consult'] as const;
export type KnownCallType = (typeof CALL_TYPES)[number];
export const NOTIFICATION_TYPES = [
  'StatusChange',
  'ParticipantsUpdated',
  'AttachedDataChanged',
  'CallRecordingStateChange',
] as const;

export const FIND_PHONE_CALL_STATUSES = ['New', 'Pending', 'InProcess', 'Stopped'] as const;
export type FindPhoneCallStatus = (typeof FIND_PHONE_CALL_STATUSES)[number];
export const FIND_PHONE_CALL_TYPES = ['Unknown', 'Internal', 'Inbound', 'Outbound', 'Consult'] as const;
export type FindPhoneCallType = (typeof FIND_PHONE_CALL_TYPES)[number];

export const GWS_CALLS_CHANNEL = '/v2/me/calls';
export const GWS_ME_WILDCARD = '/v2/me/*';
export const GWS_NOTIFICATIONS_PATH = '/api/v2/notifications';
