// GET /api/sim/users: the embedded simulator's demo accounts (not secrets), so the supervisor view of
// `npm start` can sign in as the simulated supervisor while the agent tab stays the demo agent.
import type { SimUser, SimUserList } from '../../../../shared/sim-control';
import * as sim from '../../../../shared/sim-control?validators';
import { request } from '../../../lib/http';
import { guard } from '../../../lib/schema';

const isSimUserList = guard<SimUserList>(sim.SimUserList, 'SimUserList');

export const SUPERVISOR_ROLE = 'ROLE_SUPERVISOR';

/** The simulator's first user with the supervisor role, or null when it has none. */
export async function simSupervisor(): Promise<SimUser | null> {
  const { users } = (await request('/api/sim/users', isSimUserList)).data;
  return users.find((user) => user.roles.includes(SUPERVISOR_ROLE)) ?? null;
}
