// Starts/ends the agent's voice session on GWS (only where the desktop has not done it already).

import { isOperationAck } from '../../../lib/contracts';
import { request } from '../../../lib/http';

export async function setContactCenterSession(start: boolean): Promise<void> {
  await request('/api/v2/me', isOperationAck, {
    method: 'POST',
    body: start
      ? { operationName: 'StartContactCenterSession', channels: ['voice'] }
      : { operationName: 'EndContactCenterSession' },
  });
}
