// Where Prometheus reads the metrics: GET /metrics on the main port (behind METRICS_TOKEN, else a
// 404) and, with METRICS_PORT, a second listener. The listener is created here and opened by
// main.ts after the main port (app.metricsListener.listen()); closing the app closes it.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Metrics } from './metrics';
import { createMetricsListener, type MetricsListener } from './metrics-listener';
import { metricsRoute } from './metrics-route';

declare module 'fastify' {
  interface FastifyInstance {
    /** The METRICS_PORT listener, not yet listening; null without METRICS_PORT. */
    metricsListener: MetricsListener | null;
  }
}

/** Node's process metrics cost a timer and a GC observer: only worth it where something scrapes. */
export const metricsExposed = (config: Config): boolean =>
  config.metrics.port !== undefined || config.metrics.token !== undefined;

export async function registerMetrics(app: FastifyInstance, config: Config, metrics: Metrics): Promise<void> {
  const { registry } = metrics;
  const { token, port, host } = config.metrics;
  await app.register(metricsRoute, {
    registry,
    access: token === undefined ? { kind: 'absent' } : { kind: 'token', token },
  });
  const listener = port === undefined ? null : await createMetricsListener(registry, { host, port }, app.log);
  app.decorate('metricsListener', listener);
  if (listener) app.addHook('onClose', () => listener.close());
}
