// Turns an untrusted `/v2/me/*` payload into one of the few things the widget acts on.
import type {
  Call,
  CallStateChangeMessage,
  CreateInteractionResponse,
  Participant,
} from '../../../../shared/gws-messages';
import { isCallStateChangeMessage, isCreateInteractionResponse } from '../../../lib/contracts';

export type Notification =
  | { kind: 'call'; message: CallStateChangeMessage }
  | { kind: 'ucs'; message: CreateInteractionResponse }
  | { kind: 'other'; messageType: string }
  | { kind: 'malformed'; reason: string };

export function classifyNotification(data: unknown): Notification {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'malformed', reason: 'payload is not an object' };
  }
  const messageType = (data as { messageType?: unknown }).messageType;
  if (messageType === 'CallStateChangeMessage') {
    return isCallStateChangeMessage(data)
      ? { kind: 'call', message: data }
      : { kind: 'malformed', reason: isCallStateChangeMessage.explain(data) };
  }
  if (messageType === 'createInteractionResponse') {
    return isCreateInteractionResponse(data)
      ? { kind: 'ucs', message: data }
      : { kind: 'malformed', reason: isCreateInteractionResponse.explain(data) };
  }
  if (typeof messageType === 'string') return { kind: 'other', messageType };
  return { kind: 'malformed', reason: 'no messageType' };
}

function participantNumber(participant: Participant | undefined): string | undefined {
  if (participant === undefined) return undefined;
  if (typeof participant === 'string') return participant;
  return (
    participant.phoneNumber ??
    participant.e164Number ??
    participant.digits ??
    participant.formattedPhoneNumber
  );
}

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * The other party's number: `ani` when GWS sends it, else the first participant (either shape).
 * The message's top-level `phoneNumber` is the agent's own DN in the documented sample, so never used.
 */
export function callerNumber(call: Call): string | undefined {
  return (
    nonEmpty(call.ani) ??
    nonEmpty(participantNumber(call.participants?.[0])) ??
    nonEmpty(participantNumber(call.participantsInfo?.[0]))
  );
}
