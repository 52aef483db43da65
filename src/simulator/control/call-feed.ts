// Every change of a simulated call, as the GWS call resource, for whoever follows the calls the way
// WWE follows its own GWS connection: the stand-in desktop (src/simulator/wwe) reads it as
// Server-Sent Events from GET /sim/calls/events.
import type { FastifyInstance } from 'fastify';
import type { Call } from '../../shared/gws-messages';
import type { SimulatedCall } from '../gws/calls';
import type { SimulatorState } from '../state';

type Listener = (call: Call) => void;

export class CallFeed {
  readonly #listeners = new Set<Listener>();

  /** Returns the way to stop listening. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(call: Call): void {
    for (const listener of this.#listeners) listener(call);
  }

  get listeners(): number {
    return this.#listeners.size;
  }
}

/** A comment line now and then, so a proxy or the browser does not time the idle stream out. */
const HEARTBEAT_MS = 15_000;

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * GET /sim/calls/events: `event: calls` with `{calls: [...]}` (every call in progress) on connect, so a
 * client that reconnects can tell which calls ended while it was away; then one `event: call` with
 * the call resource per change, Released included.
 */
export async function callEventsRoute(
  app: FastifyInstance,
  { state, resource }: { state: SimulatorState; resource: (call: SimulatedCall) => Call },
): Promise<void> {
  app.get('/sim/calls/events', async (_request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 1000\n\n${sse('calls', { calls: state.calls.inProgress().map(resource) })}`);
    const stop = state.callFeed.subscribe((call) => raw.write(sse('call', call)));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    raw.once('close', () => {
      stop();
      clearInterval(heartbeat);
    });
  });
}
