// The simulated network: a latency relay adds its round trip to every exchange, TLS included.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../index';
import { startLatencyRelay } from '../net/latency-relay';
import { SimulatorSettingError, simulatorNetwork } from '../network-settings';
import { SIMULATOR_CERT_PATH } from '../tls/simulator-tls';

describe('latency relay', () => {
  const server = createServer((_request, response) => response.end('pong'));
  afterAll(() => server.close());

  it('adds its round trip to a request on an open connection, and one more to open it', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const relay = await startLatencyRelay(
      { host: '127.0.0.1', port: (server.address() as AddressInfo).port },
      100,
    );
    try {
      const timed = async () => {
        const started = performance.now();
        expect(await (await fetch(`http://127.0.0.1:${relay.port}/`)).text()).toBe('pong');
        return performance.now() - started;
      };
      const cold = await timed();
      // The client may not have its first connection back in its pool yet for the second request.
      const warm = Math.min(await timed(), await timed());
      // Cold: the TCP handshake's round trip, then the request's; warm: the request's alone.
      expect(warm).toBeGreaterThanOrEqual(95);
      expect(warm).toBeLessThan(180);
      expect(cold).toBeGreaterThanOrEqual(195);
    } finally {
      await relay.close();
    }
  });
});

describe('simulator network settings', () => {
  it('are off by default', () => {
    expect(simulatorNetwork({}, true)).toEqual({ gwsRttMs: 0, uniphoreRttMs: 0, uniphoreTls: false });
  });
  it('name a bad setting', () => {
    expect(() => simulatorNetwork({ SIMULATOR_GWS_RTT_MS: '20ms' }, true)).toThrow(/^SIMULATOR_GWS_RTT_MS: /);
    expect(() => simulatorNetwork({ SIMULATOR_UNIPHORE_TLS: 'yes' }, true)).toThrow(SimulatorSettingError);
  });
  it('need the certificate trusted where the proxy runs', () => {
    expect(() => simulatorNetwork({ SIMULATOR_UNIPHORE_TLS: 'true' }, true)).toThrow(/NODE_EXTRA_CA_CERTS/);
    const env = {
      SIMULATOR_UNIPHORE_TLS: 'true',
      NODE_EXTRA_CA_CERTS: SIMULATOR_CERT_PATH,
      SIMULATOR_UNIPHORE_RTT_MS: '80',
    };
    expect(simulatorNetwork(env, true)).toEqual({ gwsRttMs: 0, uniphoreRttMs: 80, uniphoreTls: true });
    expect(simulatorNetwork({ SIMULATOR_UNIPHORE_TLS: 'true' }, false).uniphoreTls).toBe(true);
  });
});

describe('simulated Uniphore over HTTPS behind a latency relay', () => {
  it('serves its history pages with the throwaway certificate, a round trip away', async () => {
    const sim = await startSimulator({ uniphoreTls: true, uniphoreRttMs: 60 });
    try {
      expect(sim.uniphoreUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { request } = await import('node:https');
      const { readFileSync } = await import('node:fs');
      const started = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        request(`${sim.uniphoreUrl}/history/x`, { ca: readFileSync(SIMULATOR_CERT_PATH) }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBeGreaterThanOrEqual(200);
      // TCP, then a TLS 1.3 handshake, then the request: at least three round trips.
      expect(performance.now() - started).toBeGreaterThanOrEqual(175);
    } finally {
      await sim.close();
    }
  });
});
