// Maps a call to the UCS FindPhoneCall request (reference/004): enums checked before sending.
import {
  FIND_PHONE_CALL_TYPES,
  type FindPhoneCallStatus,
  type FindPhoneCallType,
} from '../../../../shared/gws-constants';
import type { FindPhoneCallRequest } from '../../../../shared/gws-messages';
import type { WidgetConfig } from '../../../../shared/widget-config';
import type { SourceCall } from '../../../lib/call-source';

export function findPhoneCallStatus(state: string): FindPhoneCallStatus {
  switch (state) {
    case 'Ringing':
    case 'Dialing':
      return 'New';
    case 'Established':
    case 'Held':
      return 'InProcess';
    case 'Released':
      return 'Stopped';
    default:
      return 'Pending';
  }
}

export function findPhoneCallType(callType: string | undefined): FindPhoneCallType {
  return (FIND_PHONE_CALL_TYPES as readonly string[]).includes(callType ?? '')
    ? (callType as FindPhoneCallType)
    : 'Unknown';
}

function attached(call: SourceCall, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const value = call.userData?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Null when the call has no number to identify it by (`phoneNumber` is mandatory for UCS) or no GWS
 * call id (`callId` is GWS's, which a desktop's own interaction id is not).
 */
export function toFindPhoneCallRequest(
  call: SourceCall,
  phoneNumber: string | undefined,
  ucsFields: WidgetConfig['ucsFields'],
): FindPhoneCallRequest | null {
  if (!phoneNumber || !call.gwsCallId) return null;
  const request: FindPhoneCallRequest = {
    operationName: 'FindPhoneCall',
    callId: call.gwsCallId,
    status: findPhoneCallStatus(call.state),
    phoneNumber,
    type: findPhoneCallType(call.callType),
  };
  const contactId = attached(call, ucsFields.contactId);
  const parentId = attached(call, ucsFields.parentId);
  const threadId = attached(call, ucsFields.threadId);
  const subject = attached(call, ucsFields.subject);
  if (contactId) request.contactId = contactId;
  if (parentId) request.parentId = parentId;
  if (threadId) request.threadId = threadId;
  if (subject) request.subject = subject;
  if (call.userData && Object.keys(call.userData).length > 0) request.userData = call.userData;
  return request;
}
