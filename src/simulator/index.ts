// The embedded simulator: GWS (CometD + sessions + UCS) and Uniphore (REST + SOAP + history pages) on
// two loopback HTTP servers of their own, different origins as in production.
import type { AddressInfo } from 'node:net';
import { SIM_JWKS_PATH, SIM_JWT_AUDIENCE, simJwtIssuer } from './auth/token-issuer';
import { controlRoutes } from './control/control-routes';
import { buildGwsApp } from './gws/gws-server';
import type { DemoAgent } from './gws/sessions';
import { type LatencyRelay, startLatencyRelay } from './net/latency-relay';
import { SimulatorState, type UniphoreCredentials } from './state';
import type { Stats } from './stats';
import { simulatorTls } from './tls/simulator-tls';
import { buildUniphoreApp } from './uniphore/uniphore-server';

export interface SimulatorOptions {
  host?: string;
  gwsPort?: number;
  uniphorePort?: number;
  /** How long CometD holds a long-poll open. */
  cometdTimeoutMs?: number;
  /** true: GET /api/v2/me needs Basic credentials or a session; false: the demo agent is signed in. */
  requireLogin?: boolean;
  /** Round trip to the simulated GWS, ms: a latency relay in front of it (0: none). */
  gwsRttMs?: number;
  /** Round trip to the simulated Uniphore and its history pages, ms (0: none). */
  uniphoreRttMs?: number;
  /** Serve Uniphore and the history pages over HTTPS, with the throwaway certificate in tls/. */
  uniphoreTls?: boolean;
}

export interface Simulator {
  gwsUrl: string;
  uniphoreUrl: string;
  credentials: UniphoreCredentials;
  historyUrlTemplate: string;
  demoAgent: { username: string; password: string };
  /** Counters of what the simulator saw (the same as GET /sim/stats), for in-process tests. */
  stats(): ReturnType<Stats['toJSON']>;
  close(): Promise<void>;
}

export const SIMULATOR_CREDENTIALS: UniphoreCredentials = {
  accountId: '12345678',
  apiVersion: '2',
  tenantId: 'sim-tenant',
  // A made-up key: the simulator's only, never a real tenant's.
  applicationKey: 'sim-application-key-4f9a2c7e',
  environmentName: 'simulator',
};

/** Signed in without credentials unless SIMULATOR_REQUIRE_LOGIN: the agent of `npm start`. */
const DEMO_AGENT: DemoAgent = {
  username: 'demo',
  password: 'demo',
  userId: 'agent-1',
  firstName: 'Dana',
  lastName: 'Demo',
  roles: ['ROLE_AGENT'],
};

/** Signs in with Basic credentials: the supervisor view of `npm start` uses this account. */
const DEMO_SUPERVISOR: DemoAgent = {
  username: 'supervisor',
  password: 'supervisor',
  userId: 'supervisor-1',
  firstName: 'Sam',
  lastName: 'Super',
  roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
};

/**
 * The proxy settings that point at this simulator, in groups, so a caller can keep a real GWS or
 * a real Uniphore and simulate only the other; `jwt` is for PROXY_AUTH=jwt with the simulated
 * Genesys Auth as the token issuer.
 */
export function simulatorEnv(
  sim: Pick<Simulator, 'gwsUrl' | 'uniphoreUrl' | 'credentials' | 'historyUrlTemplate'>,
): {
  gws: Record<string, string>;
  uniphore: Record<string, string>;
  jwt: Record<string, string>;
} {
  const { credentials } = sim;
  return {
    gws: { GWS_URL: sim.gwsUrl, SIMULATOR_CONTROL_URL: `${sim.gwsUrl}/sim` },
    jwt: {
      JWT_JWKS_URL: `${sim.gwsUrl}${SIM_JWKS_PATH}`,
      JWT_ISSUER: simJwtIssuer(sim.gwsUrl),
      JWT_AUDIENCE: SIM_JWT_AUDIENCE,
    },
    uniphore: {
      UNIPHORE_URL: sim.uniphoreUrl,
      UNIPHORE_ACCOUNT_ID: credentials.accountId,
      UNIPHORE_API_VERSION: credentials.apiVersion,
      UNIPHORE_TENANT_ID: credentials.tenantId,
      UNIPHORE_APPLICATION_KEY: credentials.applicationKey,
      UNIPHORE_ENVIRONMENT_NAME: credentials.environmentName,
      HISTORY_URL_TEMPLATE: sim.historyUrlTemplate,
    },
  };
}

const url = (address: AddressInfo | string | null) => {
  if (!address || typeof address === 'string') throw new Error('simulator did not bind a TCP port');
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
};

/** What clients are told to use: the server itself, or a latency relay in front of it. */
async function reachable(
  server: { address(): AddressInfo | string | null },
  rttMs: number,
  scheme: 'http' | 'https',
  relays: LatencyRelay[],
): Promise<string> {
  const direct = url(server.address()).replace(/^http:/, `${scheme}:`);
  if (rttMs <= 0) return direct;
  const target = new URL(direct);
  const relay = await startLatencyRelay(
    { host: target.hostname, port: Number(target.port) },
    rttMs,
    target.hostname,
  );
  relays.push(relay);
  target.port = String(relay.port);
  return target.origin;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const state = new SimulatorState(DEMO_AGENT, SIMULATOR_CREDENTIALS, options.cometdTimeoutMs ?? 25_000, [
    DEMO_SUPERVISOR,
  ]);
  await state.tokens.ready();
  const gws = buildGwsApp(state, options.requireLogin ?? false);
  await gws.register(controlRoutes, { state });
  const uniphore = buildUniphoreApp(state, options.uniphoreTls ? simulatorTls() : undefined);
  await gws.listen({ host, port: options.gwsPort ?? 0 });
  await uniphore.listen({ host, port: options.uniphorePort ?? 0 });
  const relays: LatencyRelay[] = [];
  state.gwsUrl = await reachable(gws.server, options.gwsRttMs ?? 0, 'http', relays);
  state.uniphoreUrl = await reachable(
    uniphore.server,
    options.uniphoreRttMs ?? 0,
    options.uniphoreTls ? 'https' : 'http',
    relays,
  );
  return {
    gwsUrl: state.gwsUrl,
    uniphoreUrl: state.uniphoreUrl,
    credentials: { ...SIMULATOR_CREDENTIALS },
    historyUrlTemplate: `${state.uniphoreUrl}/history/{uniqueId}`,
    demoAgent: { username: DEMO_AGENT.username, password: DEMO_AGENT.password },
    stats: () => state.stats.toJSON(),
    async close() {
      state.cometd.close();
      gws.server.closeAllConnections();
      uniphore.server.closeAllConnections();
      await Promise.all([gws.close(), uniphore.close(), ...relays.map((relay) => relay.close())]);
    },
  };
}
