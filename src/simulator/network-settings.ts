// The simulated network between the proxy and the simulated GWS / Uniphore: per-leg round trips and
// HTTPS for Uniphore, from SIMULATOR_GWS_RTT_MS, SIMULATOR_UNIPHORE_RTT_MS and SIMULATOR_UNIPHORE_TLS.
// Off by default: loopback, plain HTTP.
import type { SimulatorOptions } from './index';
import { SIMULATOR_CERT_PATH } from './tls/simulator-tls';

export class SimulatorSettingError extends Error {}

type NetworkOptions = Pick<SimulatorOptions, 'gwsRttMs' | 'uniphoreRttMs' | 'uniphoreTls'>;

function rtt(env: Record<string, string | undefined>, name: string): number {
  const text = env[name]?.trim();
  if (!text) return 0;
  if (!/^\d+$/.test(text) || Number(text) > 10_000) {
    throw new SimulatorSettingError(`${name}: must be an integer 0..10000 (ms)`);
  }
  return Number(text);
}

/**
 * `proxyInThisProcess`: the proxy that calls Uniphore runs here, so Node must already trust the
 * simulator's certificate (NODE_EXTRA_CA_CERTS is read only when Node starts).
 */
export function simulatorNetwork(
  env: Record<string, string | undefined>,
  proxyInThisProcess: boolean,
): NetworkOptions {
  const tlsText = env.SIMULATOR_UNIPHORE_TLS?.trim() || 'false';
  if (tlsText !== 'true' && tlsText !== 'false') {
    throw new SimulatorSettingError('SIMULATOR_UNIPHORE_TLS: must be true or false');
  }
  const uniphoreTls = tlsText === 'true';
  if (uniphoreTls && proxyInThisProcess && env.NODE_EXTRA_CA_CERTS !== SIMULATOR_CERT_PATH) {
    throw new SimulatorSettingError(
      `SIMULATOR_UNIPHORE_TLS: needs NODE_EXTRA_CA_CERTS=${SIMULATOR_CERT_PATH} when the process starts, so the proxy trusts the simulator's certificate`,
    );
  }
  return {
    gwsRttMs: rtt(env, 'SIMULATOR_GWS_RTT_MS'),
    uniphoreRttMs: rtt(env, 'SIMULATOR_UNIPHORE_RTT_MS'),
    uniphoreTls,
  };
}
