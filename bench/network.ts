// Pop latency on a realistic network: 20 ms round trip to GWS, 80 ms to Uniphore over TLS (its
// history pages too), through the simulator's latency relays. Measured from the moment the simulated
// GWS publishes the call event to the history iframe's `load` event, against the sum of the round
// trips no implementation can avoid on that critical path; and the first pop after a long idle
// (connections gone cold) against a warm one.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { SimControl, startServer } from '../e2e/fixtures/server';
import { simulatorEnv } from '../src/simulator';
import { SIMULATOR_CERT_PATH, simulatorCertSpki } from '../src/simulator/tls/simulator-tls';
import { waitForCallMark } from './page-marks';
import { startSimulatorProcess } from './simulator-process';
import { percentile } from './stats';

export const GWS_RTT_MS = 20;
export const UNIPHORE_RTT_MS = 80;

/**
 * The call event's way from GWS (half a round trip), FindPhoneCall (one; its notification rides a
 * long-poll already held and arrives with the answer), the lookup of the UCS interaction id (one
 * to Uniphore), and the history page's request (one to Uniphore, on the connection the previous
 * history page left open; the browser keeps a cross-site frame's connections apart from the widget's,
 * so the widget cannot open that one ahead: see bench/README.md, "Realistic network").
 */
export const UNAVOIDABLE_MS = 1.5 * GWS_RTT_MS + 2 * UNIPHORE_RTT_MS;

/** A new sandboxed iframe of `src` appended to the page: ms from `src` to its `load` event (a string: see page-marks.ts). */
const BARE_FRAME_LOAD = `(async (src) => {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups');
  const started = performance.now();
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  frame.remove();
  return performance.now() - started;
})`;

export interface NetworkResult {
  p50: number;
  p95: number;
  samples: number;
  /** The first pop after `idleMs` without calls. */
  afterIdle: number;
  /** p50 of a bare iframe's `src` → `load` for the same history page, in the same page and network. */
  bareFrameLoad: number;
  idleMs: number;
  floor: number;
}

export async function networkPopLatency(calls: number, idleMs: number): Promise<NetworkResult> {
  const sim = await startSimulatorProcess({
    SIMULATOR_GWS_RTT_MS: String(GWS_RTT_MS),
    SIMULATOR_UNIPHORE_RTT_MS: String(UNIPHORE_RTT_MS),
    SIMULATOR_UNIPHORE_TLS: 'true',
  });
  const settings = simulatorEnv(sim);
  const server = await startServer({
    ...settings.gws,
    ...settings.uniphore,
    NODE_EXTRA_CA_CERTS: SIMULATOR_CERT_PATH,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  // The simulator's certificate is a throwaway: the browser trusts its key, as Node trusts it with
  // NODE_EXTRA_CA_CERTS. Not ignoreHTTPSErrors: an ignored certificate error makes Chromium open every
  // connection twice (the handshake, the error, the handshake again), a cost no real site has.
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [
      ...(chromiumLaunchOptions.args ?? []),
      `--ignore-certificate-errors-spki-list=${simulatorCertSpki()}`,
    ],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}?mode=embedded`);
    await page.getByText('connected', { exact: true }).waitFor();
    const control = new SimControl(server.url);
    let count = 0;
    const pop = async () => {
      count += 1;
      const record = await control.addRecord('historySearchId', `UCSNET${Date.now()}N${count}`);
      const response = await fetch(new URL('/api/sim/calls', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ani: '+14155550100', ucsInteractionId: record.value }),
      });
      if (response.status !== 201)
        throw new Error(`placing a call: ${response.status} ${await response.text()}`);
      const publishedAt = Number(response.headers.get('x-sim-published-at'));
      const call = (await response.json()) as { id: string };
      const loadedAt = await waitForCallMark(page, 'uhw:history-loaded', call.id);
      await control.release(call.id);
      return loadedAt - publishedAt;
    };
    for (let i = 0; i < 3; i++) await pop();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      samples.push(await pop());
      // An agent's calls are seconds apart; a second keeps the pops from overlapping.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    // What Chromium takes to load the history page in a new frame by itself (a frame's commit, the
    // page's parse and render beyond its round trip): measured here, not assumed.
    const historyUrl = sim.historyUrlTemplate.replace('{uniqueId}', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    const bare: number[] = [];
    for (let i = 0; i < 12; i++) {
      bare.push(
        (await page.evaluate(`${BARE_FRAME_LOAD}(${JSON.stringify(`${historyUrl}?bare=${i}`)})`)) as number,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const afterIdle = await pop();
    return {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      samples: samples.length,
      afterIdle,
      bareFrameLoad: percentile(bare.slice(1), 50),
      idleMs,
      floor: UNAVOIDABLE_MS,
    };
  } finally {
    await browser.close();
    await server.stop();
    await sim.close();
  }
}
