// The simulated telephony: calls placed through the control API, their state changes, and the
// CallStateChangeMessage each change produces (shaped like the documented GWS sample).
import type { Call, CallStateChangeMessage } from '../../shared/gws-messages';
import type { PlaceCallRequest } from '../../shared/sim-control';
import type { Faults } from '../faults';
import { newCallId, newConnId } from '../ids';

export interface SimulatedCall {
  id: string;
  connId: string;
  state: string;
  callType: string;
  ani: string;
  dnis: string;
  userData: Record<string, string>;
  startedAt: number;
}

export class CallRegistry {
  private readonly calls = new Map<string, SimulatedCall>();

  constructor(private readonly baseUrl: () => string) {}

  place(request: PlaceCallRequest): SimulatedCall {
    const callType = request.callType ?? 'Inbound';
    const call: SimulatedCall = {
      id: newCallId(),
      connId: newConnId(),
      state: request.established
        ? 'Established'
        : callType === 'Inbound' || callType === 'Consult'
          ? 'Ringing'
          : 'Dialing',
      callType,
      ani: request.ani,
      dnis: request.dnis ?? '5001',
      userData: { ...request.userData },
      startedAt: Date.now(),
    };
    this.calls.set(call.id, call);
    return call;
  }

  get(id: string): SimulatedCall | undefined {
    return this.calls.get(id);
  }

  setState(id: string, state: string): SimulatedCall | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    call.state = state;
    if (state === 'Released') this.calls.delete(id);
    return call;
  }

  attach(id: string, userData: Record<string, string>): SimulatedCall | undefined {
    const call = this.calls.get(id);
    if (call) Object.assign(call.userData, userData);
    return call;
  }

  inProgress(): SimulatedCall[] {
    return [...this.calls.values()];
  }

  clear(): void {
    this.calls.clear();
  }

  /** The GWS resource for a call, in the participants shape the faults ask for. */
  toResource(call: SimulatedCall, faults: Pick<Faults, 'participantsFormat' | 'omitAni'>): Call {
    const digits = call.ani.replace(/[^\d]/g, '');
    const info = { phoneNumber: call.ani, digits, e164Number: call.ani, formattedPhoneNumber: call.ani };
    const resource: Call & Record<string, unknown> = {
      id: call.id,
      connId: call.connId,
      callUuid: call.id,
      state: call.state,
      callType: call.callType,
      dnis: call.dnis,
      participants: faults.participantsFormat === 'objects' ? [info] : [call.ani],
      participantsInfo: [{ digits, e164Number: call.ani, formattedPhoneNumber: call.ani }],
      capabilities: call.state === 'Ringing' ? ['Answer'] : ['SendDtmf', 'AttachUserData', 'Hangup', 'Hold'],
      userData: { ...call.userData },
      duration: String(Math.round((Date.now() - call.startedAt) / 1000)),
      mute: 'Off',
      deviceUri: `${this.baseUrl()}/api/v2/devices/1`,
      uri: `${this.baseUrl()}/api/v2/me/calls/${call.id}`,
    };
    if (!faults.omitAni) resource.ani = call.ani;
    return resource;
  }

  message(
    call: SimulatedCall,
    notificationType: string,
    faults: Pick<Faults, 'participantsFormat' | 'omitAni'>,
  ): CallStateChangeMessage {
    return {
      messageType: 'CallStateChangeMessage',
      notificationType,
      call: this.toResource(call, faults),
      phoneNumber: call.dnis,
    };
  }
}
