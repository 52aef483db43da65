// UCS FindPhoneCall: answers {statusCode: 0, referenceId} and delivers the createInteractionResponse
// notification to the caller's CometD clients afterwards (or, with faults, not at all, twice, first).
import type { CreateInteractionResponse, FindPhoneCallRequest } from '../../shared/gws-messages';
import type { Faults } from '../faults';
import { newInteractionId } from '../ids';

export const UCS_CHANNEL = '/v2/me/interactions';

export interface UcsPlan {
  referenceId: number;
  /** Notifications to deliver before the HTTP answer is written. */
  before: CreateInteractionResponse[];
  /** Notifications to deliver after the answer, after `delayMs`. */
  after: CreateInteractionResponse[];
  delayMs: number;
}

/** What UCS does for one call regardless of the faults: a replayed capture's failure or silence. */
export type UcsScript = { errorMessage: string } | 'never';

export class Ucs {
  private nextReference = 1;
  private readonly interactions = new Map<string, string>();
  private readonly scripts = new Map<string, UcsScript>();
  /** Where createInteractionResponse is published: a replayed capture's channel, else ours. */
  channel = UCS_CHANNEL;

  /** Finds or creates the interaction of a call, then plans the notifications the faults ask for. */
  plan(request: FindPhoneCallRequest, faults: Faults['ucs']): UcsPlan {
    const referenceId = this.nextReference++;
    const existing = this.interactions.get(request.callId);
    const interactionId = existing ?? newInteractionId();
    if (!existing) this.interactions.set(request.callId, interactionId);
    const success: CreateInteractionResponse = {
      referenceId,
      messageType: 'createInteractionResponse',
      interactionId,
      isCreated: existing ? 'false' : 'true',
    };
    const plan: UcsPlan = { referenceId, before: [], after: [], delayMs: faults.delayMs };
    const script = this.scripts.get(request.callId);
    if (script === 'never') return plan;
    if (script) {
      plan.after.push({
        referenceId,
        messageType: 'createInteractionResponse',
        errorMessage: script.errorMessage,
      });
      return plan;
    }
    switch (faults.mode) {
      case 'error':
        plan.after.push({
          referenceId,
          messageType: 'createInteractionResponse',
          errorMessage: 'UCS request failed',
        });
        break;
      case 'never':
        break;
      case 'duplicate':
        plan.after.push(success, success);
        break;
      case 'before-ack':
        plan.before.push(success);
        break;
      case 'unknown-ref':
        plan.after.push({ ...success, referenceId: referenceId + 1_000_000 }, success);
        break;
      default:
        plan.after.push(success);
    }
    return plan;
  }

  /** Decides the interaction id FindPhoneCall will report for a call (tests that need to know it). */
  assign(callId: string, interactionId: string): void {
    this.interactions.set(callId, interactionId);
  }

  /** Makes FindPhoneCall for this call fail, or never be answered on CometD, whatever the faults say. */
  script(callId: string, script: UcsScript): void {
    this.scripts.set(callId, script);
  }

  clear(): void {
    this.interactions.clear();
    this.scripts.clear();
    this.channel = UCS_CHANNEL;
  }
}
