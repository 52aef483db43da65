// METRICS_PORT: a second listener that serves GET /metrics and nothing else, bound to METRICS_HOST
// (loopback unless the operator opens it to the scraper's network). It needs no token: reaching it
// is the credential, so it must never be the port clients reach.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import { metricsRoute } from './metrics-route';

export interface MetricsListener {
  /** Starts listening; resolves to the address (`http://127.0.0.1:9464`). */
  listen(): Promise<string>;
  /** The bound address once listening (tests read the port and interface). */
  address(): AddressInfo | undefined;
  close(): Promise<void>;
}

export async function createMetricsListener(
  registry: Registry,
  where: { host: string; port: number },
  log: FastifyBaseLogger,
): Promise<MetricsListener> {
  const server = Fastify({
    loggerInstance: log.child({ listener: 'metrics' }),
    // A scraper's keep-alive connection must not hold the process open at shutdown.
    forceCloseConnections: true,
  });
  await server.register(metricsRoute, { registry, access: { kind: 'open' } });
  return {
    listen: () => server.listen(where),
    address: () => (server.server.listening ? (server.server.address() as AddressInfo) : undefined),
    close: () => server.close(),
  };
}
