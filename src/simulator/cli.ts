// `node --import tsx src/simulator/cli.ts`: the simulator alone, e.g. to point a dev proxy at it.
import { startSimulator } from './index';
import { simulatorNetwork } from './network-settings';

// SIMULATOR_GWS_RTT_MS, SIMULATOR_UNIPHORE_RTT_MS, SIMULATOR_UNIPHORE_TLS: a realistic network.
const simulator = await startSimulator({
  gwsPort: Number(process.env.SIM_GWS_PORT ?? 0),
  uniphorePort: Number(process.env.SIM_UNIPHORE_PORT ?? 0),
  ...simulatorNetwork(process.env, false),
});
console.log(`GWS simulator:      ${simulator.gwsUrl} (control API at ${simulator.gwsUrl}/sim)`);
console.log(`Uniphore simulator: ${simulator.uniphoreUrl} (history at ${simulator.historyUrlTemplate})`);
const stop = () => void simulator.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
