import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { installShutdown } from '../shutdown';
import { authHeader, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';

describe('installShutdown', () => {
  it('finishes in-flight requests on SIGTERM, runs the cleanup, then exits 0', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const client = new FakeUniphoreClient(async () => {
      await gate;
      return { kind: 'found', uniqueId: 'late', upstreamStatus: 200 };
    });
    const app = await buildApp(testConfig(), { uniphoreClient: client, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const proc = new EventEmitter();
    const events: string[] = [];
    const exited = new Promise<number>((resolve) => {
      installShutdown(app, async () => events.push('cleanup'), {
        process: proc as unknown as NodeJS.Process,
        exit: resolve,
      });
    });

    const inFlight = fetch(`http://127.0.0.1:${port}/api/uniphore/unique-id/dtmf/1`, { headers: authHeader });
    while (client.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    proc.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    events.push('release');
    release();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ uniqueId: 'late' });
    expect(await exited).toBe(0);
    expect(events).toEqual(['release', 'cleanup']);
    // A second signal does not start a second shutdown.
    proc.emit('SIGINT', 'SIGINT');
  });

  it('cuts connections still open after the grace period', async () => {
    const client = new FakeUniphoreClient(() => new Promise(() => undefined));
    const app = await buildApp(testConfig(), { uniphoreClient: client, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const proc = new EventEmitter();
    const exited = new Promise<number>((resolve) => {
      installShutdown(app, undefined, {
        process: proc as unknown as NodeJS.Process,
        exit: resolve,
        graceMs: 100,
      });
    });
    const stuck = fetch(`http://127.0.0.1:${port}/api/uniphore/unique-id/dtmf/1`, {
      headers: authHeader,
    }).catch((error: unknown) => error);
    while (client.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    proc.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(0);
    expect(await stuck).toBeInstanceOf(Error);
  });
});
