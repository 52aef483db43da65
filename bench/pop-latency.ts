// Pop latency: simulator publishes a call event → history iframe src set in Chromium, against the
// floor: a bare Node client doing the same protocol steps straight against the simulator.

import type { Page } from '@playwright/test';
import { adapt } from 'cometd-nodejs-client';
import type { SimControl } from '../e2e/fixtures/server';
import { startSimulator } from '../src/simulator';
import { waitForCallMark } from './page-marks';
import { percentile } from './stats';
import { type PageOptions, withBrowserFloorPage, withWidgetPage } from './widget-page';

const CALLER = '+14155550100'; // seeded: found by callReturn, after historySearchId=interaction id misses

/**
 * Quiet time between calls, for the floor and the widget alike. An agent's calls are seconds apart;
 * back to back, each pop would share two cores with the previous one's iframe load and release
 * report (measured: p50 104 ms back to back vs 63 ms with this gap), which is not what agents see.
 */
export const BETWEEN_CALLS_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, BETWEEN_CALLS_MS));

export interface LatencyResult {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

const summarise = (samples: number[]): LatencyResult => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
  samples: samples.length,
});

const pagePopLatency = async (page: Page, sim: SimControl, mark: string, calls: number) =>
  summarise(await pageSamples(page, sim, mark, calls));

async function pageSamples(page: Page, sim: SimControl, mark: string, calls: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const publishedAt = performance.timeOrigin + performance.now();
    const call = await sim.placeCall({ ani: CALLER });
    const shownAt = await waitForCallMark(page, mark, call.id);
    samples.push(shownAt - publishedAt);
    await sim.release(call.id);
    await quiet();
  }
  return samples;
}

/** The widget in Chromium, through the proxy, exactly as an agent runs it. */
export const widgetPopLatency = (calls: number, options?: PageOptions): Promise<LatencyResult> =>
  withWidgetPage((page, sim) => pagePopLatency(page, sim, 'uhw:history-src-set', calls), options);

/**
 * The browser floor: the same protocol from a bare page in the same Chromium through the same proxy,
 * with fetch alone (bench/browser-floor-client.js). Widget vs this is what the widget itself costs;
 * this vs the Node floor is what the browser and the proxy hop cost.
 */
export const browserFloorPopLatency = (calls: number, options?: PageOptions): Promise<LatencyResult> =>
  withBrowserFloorPage((page, sim) => pagePopLatency(page, sim, 'floor:shown', calls), options);

/**
 * Widget and browser floor on the same throttled CPU, in alternating rounds (floor, widget, floor,
 * widget) so that a drift of the shared machine touches both alike; samples of each pooled.
 */
export async function throttledPopLatency(
  calls: number,
  cpuThrottle: number,
  rounds = 2,
): Promise<{ widget: LatencyResult; floor: LatencyResult }> {
  const widget: number[] = [];
  const floor: number[] = [];
  const perRound = Math.max(1, Math.round(calls / rounds));
  for (let round = 0; round < rounds; round++) {
    floor.push(
      ...(await withBrowserFloorPage((page, sim) => pageSamples(page, sim, 'floor:shown', perRound), {
        cpuThrottle,
      })),
    );
    widget.push(
      ...(await withWidgetPage((page, sim) => pageSamples(page, sim, 'uhw:history-src-set', perRound), {
        cpuThrottle,
      })),
    );
  }
  return { widget: summarise(widget), floor: summarise(floor) };
}

/** The floor: cometd-nodejs-client + fetch against the simulator, no browser, no proxy. */
export async function floorPopLatency(calls: number): Promise<LatencyResult> {
  adapt();
  const { CometD } = await import('cometd');
  const sim = await startSimulator();
  const cometd = new CometD();
  try {
    const me = await fetch(`${sim.gwsUrl}/api/v2/me`);
    const cookie = (me.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = {
      [me.headers.get('x-csrf-header') ?? 'X-CSRF-TOKEN']: me.headers.get('x-csrf-token') ?? '',
    };
    const { credentials } = sim;
    const uniphoreHeaders = {
      'Tenant-Id': credentials.tenantId,
      'Application-Key': credentials.applicationKey,
      'Environment-Name': credentials.environmentName,
    };
    const lookup = (attribute: string, value: string) =>
      fetch(
        `${sim.uniphoreUrl}/interact/agent/version/${credentials.apiVersion}/account/${credentials.accountId}/uniqueId/${attribute}/${encodeURIComponent(value)}`,
        { headers: uniphoreHeaders },
      ).then(async (response) => ({ status: response.status, body: await response.text() }));

    const notifications = new Map<number, (interactionId: string) => void>();
    const calls$ = new Map<string, (call: { id: string; ani: string }) => void>();
    cometd.unregisterTransport('websocket');
    cometd.configure({
      url: `${sim.gwsUrl}/api/v2/notifications`,
      requestHeaders: { Cookie: cookie },
      logLevel: 'warn',
    });
    await new Promise<void>((resolve) => {
      cometd.addListener('/meta/handshake', (message) => {
        if (!message.successful) return;
        cometd.subscribe(
          '/v2/me/*',
          (event) => {
            const data = event.data as Record<string, unknown>;
            if (data.messageType === 'createInteractionResponse') {
              notifications.get(data.referenceId as number)?.(String(data.interactionId));
            } else if (data.messageType === 'CallStateChangeMessage') {
              const call = data.call as { id: string; ani: string; state: string };
              if (call.state === 'Ringing') calls$.get('next')?.(call);
            }
          },
          () => resolve(),
        );
      });
      cometd.handshake();
    });

    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const event = new Promise<{ id: string; ani: string }>((resolve) => calls$.set('next', resolve));
      const publishedAt = performance.timeOrigin + performance.now();
      const placed = fetch(`${sim.gwsUrl}/sim/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ani: CALLER }),
      });
      const call = await event;
      const response = await fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...csrf },
        body: JSON.stringify({
          operationName: 'FindPhoneCall',
          callId: call.id,
          status: 'New',
          phoneNumber: call.ani,
          type: 'Inbound',
        }),
      });
      const { referenceId } = (await response.json()) as { referenceId: number };
      const interactionId = await new Promise<string>((resolve) => notifications.set(referenceId, resolve));
      // The same order the widget resolves: the interaction id first (a miss), then the caller's number.
      const first = await lookup('historySearchId', interactionId);
      const found = first.status === 200 ? first : await lookup('callReturn', call.ani);
      if (found.status !== 200) throw new Error(`floor lookup failed: ${found.status}`);
      samples.push(performance.timeOrigin + performance.now() - publishedAt);
      await placed;
      await fetch(`${sim.gwsUrl}/sim/calls/${call.id}/release`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await quiet();
    }
    return summarise(samples);
  } finally {
    await new Promise<void>((resolve) => cometd.disconnect(() => resolve()));
    await sim.close();
  }
}
