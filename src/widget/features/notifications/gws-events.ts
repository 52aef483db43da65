// Turns an untrusted `/v2/me/*` payload into one of the few things the widget acts on, and a GWS call
// into the call every source hands the pop engine.
import type {
  Call,
  CallStateChangeMessage,
  CreateInteractionResponse,
  Participant,
} from '../../../shared/gws-messages';
import type { SourceCall } from '../../lib/call-source';
import { isCallStateChangeMessage, isCreateInteractionResponse } from '../../lib/contracts';

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

/** A GWS call as the pop engine takes it: the caller resolved, the GWS call id kept for UCS. */
export function toSourceCall(call: Call): SourceCall {
  return {
    id: call.id,
    gwsCallId: call.id,
    state: call.state,
    callType: call.callType,
    ani: callerNumber(call),
    dnis: call.dnis,
    userData: call.userData,
  };
}
