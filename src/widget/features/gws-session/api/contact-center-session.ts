// Starts/ends the agent's voice session on GWS (only where the desktop has not done it already).
import { request } from '../../../lib/http';
import { guard } from '../../../lib/schema';

const isAck = guard<{ statusCode?: number }>(
  { type: 'object', properties: { statusCode: { type: 'integer' } } },
  'ack',
);

export async function setContactCenterSession(start: boolean): Promise<void> {
  await request('/api/v2/me', isAck, {
    method: 'POST',
    body: start
      ? { operationName: 'StartContactCenterSession', channels: ['voice'] }
      : { operationName: 'EndContactCenterSession' },
  });
}
