// `GET /api/v2/me/calls`: the calls in progress, read after every re-handshake so that a call that
// rang while the notification channel was down still pops.
import type { Call } from '../../../../shared/gws-messages';
import { isCurrentCalls } from '../../../lib/contracts';
import { request } from '../../../lib/http';

export async function getCurrentCalls(): Promise<Call[]> {
  return (await request('/api/v2/me/calls', isCurrentCalls)).data.calls;
}
