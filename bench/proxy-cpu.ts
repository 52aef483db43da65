// Proxy CPU per cached lookup: what one answered-from-cache lookup costs the proxy's process, against
// a bare Fastify route that validates the same params and returns the same JSON. Both servers live
// in this process (so process.cpuUsage() sees exactly their work); the load comes from a child
// process over real keep-alive sockets, and the simulator (touched once, to fill the cache) from
// another. Interleaved rounds, median by CPU per request.
import type { AddressInfo } from 'node:net';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { LOOKUP_PATH } from '../src/proxy/routes/lookup-route';
import { UniqueIdParams } from '../src/shared/lookup-api';
import { runLoad, withProxy } from './proxy-overhead';
import { medianBy } from './stats';

const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const LOOKUP = `${LOOKUP_PATH}/dtmf/4567`;
const ROUNDS = 5;

export interface CpuPerRequest {
  /** CPU (user + system) of this process per request, µs. */
  microseconds: number;
  sent: number;
  ok: number;
}

/** The floor: Fastify's router, Ajv on the same params schema, JSON.stringify of the same body. */
async function bareLookupServer(body: Record<string, unknown>) {
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  app.get(`${LOOKUP_PATH}/:attribute/:value`, { schema: { params: UniqueIdParams } }, async (request) => ({
    ...body,
    attribute: request.params.attribute,
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

async function cpuPerRequest(url: string, headers: Record<string, string>, rate: number, seconds: number) {
  const before = process.cpuUsage();
  const load = await runLoad(url, headers, rate, seconds);
  const used = process.cpuUsage(before);
  if (load.ok !== load.sent)
    throw new Error(`proxy cpu: ${load.sent - load.ok} of ${load.sent} requests failed`);
  return { microseconds: (used.user + used.system) / load.sent, sent: load.sent, ok: load.ok };
}

const median = (runs: CpuPerRequest[]) => medianBy(runs, (run) => run.microseconds);

/** `settings` are added to the proxy's (OTEL_EXPORTER_OTLP_ENDPOINT for the tracing-on figure). */
export async function proxyCpuPerCachedLookup(
  rate: number,
  seconds: number,
  settings: Record<string, string> = {},
) {
  // Token auth: a production proxy always authenticates, and a token costs the same on every request.
  const env = { LOOKUP_CACHE_TTL_MS: '3600000', PROXY_AUTH: 'token', PROXY_TOKEN: TOKEN, ...settings };
  return withProxy(env, async (proxy) => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const first = await fetch(`${proxy}${LOOKUP}`, { headers });
    if (first.status !== 200) throw new Error(`proxy cpu: warm-up lookup answered ${first.status}`);
    const bare = await bareLookupServer((await first.json()) as Record<string, unknown>);
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}${LOOKUP}`;
    try {
      // Warm both (JIT, sockets) before measuring: a 1 s warm-up left the first round ~50% higher.
      await cpuPerRequest(`${proxy}${LOOKUP}`, headers, rate, 3);
      await cpuPerRequest(bareUrl, headers, rate, 3);
      const proxyRuns: CpuPerRequest[] = [];
      const bareRuns: CpuPerRequest[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        proxyRuns.push(await cpuPerRequest(`${proxy}${LOOKUP}`, headers, rate, seconds));
        bareRuns.push(await cpuPerRequest(bareUrl, headers, rate, seconds));
      }
      return { proxy: median(proxyRuns), bare: median(bareRuns), proxyRuns, bareRuns };
    } finally {
      await bare.close();
    }
  });
}
