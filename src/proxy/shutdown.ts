// SIGTERM (docker stop, Kubernetes) and SIGINT (Ctrl-C): stop accepting, let in-flight lookups
// finish, then exit. CometD long polls are cut at once (plugins/passthrough.ts); whatever else is
// still open after a grace period is cut too.
import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  signals?: readonly NodeJS.Signals[];
  /** How long in-flight requests may take before their connections are closed. */
  graceMs?: number;
  /** Injected by tests; defaults to the real process. */
  process?: Pick<NodeJS.Process, 'once' | 'removeListener'>;
  exit?: (code: number) => void;
}

export const DEFAULT_GRACE_MS = 8000;

/**
 * `cleanup` runs after the server has closed (e.g. stopping the embedded simulator).
 * Returns a function that removes the signal handlers again.
 */
export function installShutdown(
  app: FastifyInstance,
  cleanup?: () => unknown,
  options: ShutdownOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const proc = options.process ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;

  const shutdown = async (signal: NodeJS.Signals): Promise<number> => {
    app.log.info({ signal, graceMs }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.warn('grace period over: closing remaining connections');
      app.server.closeAllConnections();
    }, graceMs);
    force.unref();
    // close() only drops connections idle at the moment it is called; a keep-alive connection whose
    // request finishes afterwards would otherwise hold the server open until the grace period ends.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    try {
      await app.close();
      await cleanup?.();
      app.log.info('shut down');
      return 0;
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      return 1;
    } finally {
      clearTimeout(force);
      clearInterval(sweep);
    }
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    void shutdown(signal).then(exit);
  };

  for (const signal of signals) proc.once(signal, onSignal);
  return () => {
    for (const signal of signals) proc.removeListener(signal, onSignal);
  };
}
