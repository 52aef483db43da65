// METRICS_PORT over real sockets: a second listener, on loopback by default, serving /metrics only,
// opened by main.ts and closed with the app.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { authHeader, type Env, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { sampleValue } from './support/prometheus-text';
import { closedPort } from './support/uniphore-upstream';

let app: FastifyInstance | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  child?.kill('SIGKILL');
  child = undefined;
});

async function listening(env: Env) {
  app = await buildApp(testConfig({ METRICS_PORT: '0', ...env }), {
    uniphoreClient: new FakeUniphoreClient(),
    fetch: async () => new Response(''),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const main = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const metricsUrl = await app.metricsListener!.listen();
  return { app, main, metricsUrl };
}

/** One keep-alive request, as a scraper holds its connection open between scrapes. */
function keepAliveGet(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the metrics listener (METRICS_PORT)', () => {
  it('binds loopback by default and serves /metrics without a token, nothing else', async () => {
    const { app, main, metricsUrl } = await listening({});
    expect(app.metricsListener!.address()).toMatchObject({ address: '127.0.0.1' });
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${main}/api/uniphore/unique-id/dtmf/1`, { headers: authHeader })).status).toBe(200);

    const scraped = await fetch(`${metricsUrl}/metrics`);
    expect(scraped.status).toBe(200);
    const body = await scraped.text();
    expect(
      sampleValue(body, 'uhw_lookups_total', { attribute: 'dtmf', transport: 'rest', outcome: 'found' }),
    ).toBe(1);
    // The Node process metrics come along where something scrapes.
    expect(body).toContain('process_cpu_seconds_total');
    // The lookup route and the widget are not on it; /metrics is not on the main port without a token.
    expect((await fetch(`${metricsUrl}/api/uniphore/unique-id/dtmf/1`, { headers: authHeader })).status).toBe(
      404,
    );
    expect((await fetch(`${metricsUrl}/`)).status).toBe(404);
    expect((await fetch(`${main}/metrics`)).status).toBe(404);
  });

  it('closes with the app, a scraper’s open connection included', async () => {
    const { app, metricsUrl } = await listening({});
    const agent = new http.Agent({ keepAlive: true });
    expect((await keepAliveGet(`${metricsUrl}/metrics`, agent)).status).toBe(200);
    const started = performance.now();
    await app.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(fetch(`${metricsUrl}/metrics`)).rejects.toThrow();
    agent.destroy();
  });

  it('is not created without METRICS_PORT', async () => {
    app = await buildApp(testConfig(), { uniphoreClient: new FakeUniphoreClient(), logger: false });
    expect(app.metricsListener).toBeNull();
  });

  it('is opened by npm start and closed on SIGTERM', async () => {
    const port = await closedPort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--dev'], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', PORT: '0', METRICS_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => {
      child!.stdout!.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('Widget ready at')) resolve();
      });
    });
    await ready;
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('uhw_ready');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  }, 30_000);
});
