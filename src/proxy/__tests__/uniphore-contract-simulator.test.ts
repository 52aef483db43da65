// The same Uniphore contract table, against the embedded simulator: the stand-in new users and the
// e2e suite meet must answer as the reference page says, and the proxy must map it the same way.

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SIMULATOR_CREDENTIALS, type Simulator, startSimulator } from '../../simulator';
import {
  type ArrangedUpstream,
  type ContractScenario,
  runUniphoreContract,
  type UniphoreUpstreamDriver,
} from './support/uniphore-contract';

const MODES: Partial<Record<ContractScenario, string>> = {
  unauthorized: 'unauthorized',
  server_error: 'error500',
  malformed: 'malformed',
  empty_id: 'empty',
  not_found_in_200: 'not-found-in-200',
  slow: 'slow',
  reset: 'reset',
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

class SimulatorDriver implements UniphoreUpstreamDriver {
  readonly name = 'embedded simulator';
  private constructor(private readonly sim: Simulator) {}

  static async start(): Promise<SimulatorDriver> {
    return new SimulatorDriver(await startSimulator());
  }

  private control(method: string, path: string, body?: unknown) {
    return fetch(`${this.sim.gwsUrl}/sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async arrange(scenario: ContractScenario): Promise<ArrangedUpstream> {
    await this.control('POST', '/reset', {});
    const { credentials } = this.sim;
    const env = {
      UNIPHORE_URL: scenario === 'refused' ? `http://127.0.0.1:${await closedPort()}` : this.sim.uniphoreUrl,
      UNIPHORE_ACCOUNT_ID: credentials.accountId,
      UNIPHORE_API_VERSION: credentials.apiVersion,
      UNIPHORE_TENANT_ID: credentials.tenantId,
      UNIPHORE_APPLICATION_KEY: credentials.applicationKey,
      UNIPHORE_ENVIRONMENT_NAME: credentials.environmentName,
      HISTORY_URL_TEMPLATE: this.sim.historyUrlTemplate,
    };
    // The table's found cases: a seeded clickToCall, and a value full of path characters.
    if (scenario === 'found') {
      await this.control('POST', '/uniphore/records', { attribute: 'historySearchId', value: 'a/../b%2Fc' });
    }
    if (scenario === 'not_found') await this.control('DELETE', '/uniphore/records');
    const mode = MODES[scenario];
    if (mode) await this.control('PUT', '/faults', { uniphore: { mode } });
    return { env, secrets: [SIMULATOR_CREDENTIALS.applicationKey] };
  }

  requests(): number {
    return this.sim.stats().uniphoreReceived;
  }

  aborted(): number {
    return this.sim.stats().uniphoreAborted;
  }

  async close(): Promise<void> {
    await this.sim.close();
  }
}

runUniphoreContract(() => SimulatorDriver.start());
