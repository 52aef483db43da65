// The whole proxy on a real socket (port 0 on loopback), for tests that need real connections.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../../app';
import { type Env, testConfig } from './env';
import { RecordingUpstream } from './recording-upstream';

export async function listeningProxy(env: Env): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildApp(testConfig(env), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

export interface ProxyInFront {
  upstream: RecordingUpstream;
  app: FastifyInstance;
  port: number;
}

/**
 * For a whole test file: a recording upstream, and the proxy listening in front of it with the
 * settings `env` gives for the upstream's origin. Each test starts with a clean record.
 */
export function proxyInFrontOfUpstream(env: (upstreamOrigin: string) => Env): ProxyInFront {
  const fixture = {} as ProxyInFront;
  beforeAll(async () => {
    fixture.upstream = await new RecordingUpstream().start();
    Object.assign(fixture, await listeningProxy(env(fixture.upstream.origin)));
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.upstream?.close();
  });
  afterEach(() => fixture.upstream.reset());
  return fixture;
}
