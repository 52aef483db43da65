// `POST /api/pops`: tells the proxy how a pop ended, for the supervisors' team feed and the
// time-to-pop metric. The proxy adds who the agent is from the session; the report never says.
import { POPS_PATH } from '../../../../shared/pop-feed-constants';
import type { PopReport } from '../../../../shared/pop-report';
import { request } from '../../../lib/http';
import { anything } from '../../../lib/schema';

export async function reportPop(report: PopReport): Promise<void> {
  // The answer (the feed event id) is not used: only whether the report arrived.
  await request(POPS_PATH, anything, { method: 'POST', body: report, keepalive: true });
}
