// GET /api/config: the runtime settings the widget needs. Public by design, so it is built field
// by field from an allowlist: nothing secret can slip in by adding a setting.
import type { FastifyInstance } from 'fastify';
import type { WidgetConfig } from '../../shared/widget-config';
import type { Config } from '../config';

export function widgetConfig(config: Config): WidgetConfig {
  return {
    lookupOrder: config.lookup.order.map((step) => ({ attribute: step.attribute, source: step.source })),
    historyOrigin: config.history.origin,
    notificationsPath: config.gws.notificationsPath,
    ucsTimeoutMs: config.ucs.timeoutMs,
    simulator: config.simulatorControlUrl !== undefined,
    frameAncestors: [...config.frameAncestors],
    ucsFields: { ...config.ucs.fields },
    auth: config.auth.mode,
    wwe: {
      ...(config.wwe.writeBackKey ? { writeBackKey: config.wwe.writeBackKey } : {}),
      toast: config.wwe.toast,
    },
    callerNumberRegion: config.callerNumberRegion,
    feedBacklogMaxAgeMs: config.feed.backlogMaxAgeMs,
    historyWarmup: { ...config.history.warmup },
  };
}

export async function configRoute(app: FastifyInstance, options: { config: Config }): Promise<void> {
  const body = JSON.stringify(widgetConfig(options.config));
  app.get('/api/config', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(body),
  );
}
