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

export class Ucs {
  private nextReference = 1;
  private readonly interactions = new Map<string, string>();

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

  clear(): void {
    this.interactions.clear();
  }
}
