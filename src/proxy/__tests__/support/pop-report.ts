// A valid pop report, as an agent's widget sends it (POST /api/pops).
import type { PopReport } from '../../../shared/pop-report';

export const report = (overrides: Partial<PopReport> = {}): PopReport => ({
  callId: 'call-1',
  caller: '+14155550100',
  source: 'gws',
  outcome: 'found',
  attribute: 'callReturn',
  value: '+14155550100',
  uniqueId: 'uid-1',
  receivedAt: 1_700_000_000_000,
  timings: { totalMs: 42 },
  ...overrides,
});
