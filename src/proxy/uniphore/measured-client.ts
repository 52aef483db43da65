// Every request to Uniphore, counted by outcome and timed, whatever the transport. Wrapping the
// client (rather than the route) measures exactly the upstream calls: cache hits and lookups that
// joined one in flight never reach it.
import type { Metrics } from '../metrics/metrics';
import type { UniphoreClient } from './client';

export function measuredClient(client: UniphoreClient, metrics: Metrics): UniphoreClient {
  return {
    transport: client.transport,
    async lookup(attribute, value) {
      const started = performance.now();
      const outcome = await client.lookup(attribute, value);
      metrics.upstreamRequest(client.transport, outcome.kind, (performance.now() - started) / 1000);
      return outcome;
    },
  };
}
