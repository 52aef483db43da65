// `POST /api/v2/ucs/interactions` FindPhoneCall. The answer only acknowledges the request; the
// interaction arrives later as a createInteractionResponse notification with the same referenceId.
import type { FindPhoneCallAck, FindPhoneCallRequest } from '../../../../shared/gws-messages';
import { isFindPhoneCallAck } from '../../../lib/contracts';
import { request } from '../../../lib/http';

export async function findPhoneCall(
  body: FindPhoneCallRequest,
  signal?: AbortSignal,
): Promise<FindPhoneCallAck> {
  const { data } = await request('/api/v2/ucs/interactions', isFindPhoneCallAck, {
    method: 'POST',
    body,
    signal,
  });
  return data;
}
