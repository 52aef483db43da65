// `POST /api/pops`: tells the proxy how a pop ended, for the supervisors' team feed and the
// time-to-pop metric. The proxy adds who the agent is from the session; the report never says.
import { POPS_PATH } from '../../../../shared/pop-feed-constants';
import type { PopReport } from '../../../../shared/pop-report';
import { request } from '../../../lib/http';
import { guard } from '../../../lib/schema';

const isAccepted = guard<{ id: string }>(
  { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
  'pop accepted',
);

export async function reportPop(report: PopReport): Promise<void> {
  await request(POPS_PATH, isAccepted, { method: 'POST', body: report, keepalive: true });
}
