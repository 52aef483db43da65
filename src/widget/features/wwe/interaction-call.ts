// WWE's `interaction.Interaction` as the call every source hands the pop engine. Only voice
// interactions are calls: the documented voice-only fields (callUuid, callType, direction, ani, dnis)
// tell them from chats and emails, which WWE lists too.
import { WWE_STATES } from '../../../shared/scapi-constants';
import type { Interaction, InteractionEventData } from '../../../shared/scapi-messages';
import type { SourceCall } from '../../lib/call-source';

const CALL_TYPES: Record<string, string> = {
  INBOUND: 'Inbound',
  OUTBOUND: 'Outbound',
  INTERNAL: 'Internal',
  CONSULT: 'Consult',
};

export const isVoice = (interaction: Interaction): boolean =>
  Boolean(
    interaction.callUuid ||
      interaction.callType ||
      interaction.direction ||
      interaction.ani ||
      interaction.dnis,
  );

/** WWE state → the GWS call state the pop engine knows; unknown states are kept as they are (they start nothing). */
export function callState(state: string): string {
  return (WWE_STATES as Record<string, string>)[state.toUpperCase()] ?? state;
}

export function callType(interaction: Interaction): string | undefined {
  if (interaction.isConsultation) return 'Consult';
  const type = interaction.callType ? CALL_TYPES[interaction.callType.toUpperCase()] : undefined;
  if (type) return type;
  if (interaction.direction?.toUpperCase() === 'IN') return 'Inbound';
  if (interaction.direction?.toUpperCase() === 'OUT') return 'Outbound';
  return undefined;
}

/**
 * Null for anything but a voice interaction. The pop is per `interactionId` (WWE's own id);
 * FindPhoneCall takes `callUuid`, the GWS call id.
 */
export function interactionCall(interaction: Interaction): SourceCall | null {
  if (!isVoice(interaction)) return null;
  return {
    id: interaction.interactionId,
    gwsCallId: interaction.callUuid,
    state: callState(interaction.state),
    callType: callType(interaction),
    ani: interaction.ani,
    dnis: interaction.dnis,
    userData: interaction.userData,
  };
}

/** The Interaction an `interaction` or `markdone` event carries (bare, or wrapped with its event type). */
export const eventInteraction = (data: InteractionEventData): Interaction =>
  'interaction' in data ? data.interaction : data;
