// The proxy's connections to Uniphore: opened at start-up and kept warm (UNIPHORE_KEEP_WARM_MS),
// used by the lookups, closed with the app.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { authHeader, testConfig } from './support/env';

interface Upstream {
  url: string;
  paths: string[];
  keys: (string | undefined)[];
  open: () => number;
  opened: () => number;
  close(): Promise<void>;
}

async function upstream(): Promise<Upstream> {
  const paths: string[] = [];
  const keys: (string | undefined)[] = [];
  let open = 0;
  let opened = 0;
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    keys.push(req.headers['application-key'] as string | undefined);
    res.end('4df73e86');
  });
  server.on('connection', (socket) => {
    open += 1;
    opened += 1;
    socket.once('close', () => {
      open -= 1;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    keys,
    open: () => open,
    opened: () => opened,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let up: Upstream | undefined;
afterEach(async () => {
  await up?.close();
  up = undefined;
});

describe('connections to Uniphore', () => {
  it('opens the kept-warm connections at start-up, lookups use them, closing the app closes them', async () => {
    up = await upstream();
    const app = await buildApp(
      testConfig({
        UNIPHORE_URL: up.url,
        UNIPHORE_KEEP_WARM_MS: '1000',
        UNIPHORE_KEEP_WARM_CONNECTIONS: '2',
      }),
      { logger: false },
    );
    await wait(100);
    expect(up.opened()).toBe(2);
    // The keep-warm request carries no credentials.
    expect(up.paths).toEqual(['/', '/']);
    expect(up.keys).toEqual([undefined, undefined]);

    const lookup = await app.inject({ url: '/api/uniphore/unique-id/dtmf/4567', headers: authHeader });
    expect(lookup.statusCode).toBe(200);
    expect(up.opened()).toBe(2);

    await app.close();
    await wait(100);
    expect(up.open()).toBe(0);
  });

  it('opens nothing ahead with UNIPHORE_KEEP_WARM_MS=0', async () => {
    up = await upstream();
    const app = await buildApp(testConfig({ UNIPHORE_URL: up.url, UNIPHORE_KEEP_WARM_MS: '0' }), {
      logger: false,
    });
    await wait(100);
    expect(up.opened()).toBe(0);
    await app.close();
  });
});
