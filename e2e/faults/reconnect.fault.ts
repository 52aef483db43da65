// Restarts and drops: nothing lost, nothing popped twice, no page reload.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/proxy/app';
import { loadConfig } from '../../src/proxy/config';
import { simulatorEnv, startSimulator } from '../../src/simulator';
import type { UniphoreRequestLog } from '../../src/simulator/stats';
import { expect, SimControl, test } from '../fixtures/server';
import { connected, newRequestsByCall, placeAndAwaitPop } from './calls';

test('200 calls through three CometD restarts: every call popped exactly once', async ({ page, sim }) => {
  await page.goto('/?mode=embedded');
  await expect(connected(page)).toBeVisible();
  const placed: string[] = [];
  for (let i = 0; i < 200; i++) {
    if (i === 50 || i === 100 || i === 150) await sim.restartCometd(800);
    placed.push(await placeAndAwaitPop(sim, i % 2 ? '+14155550100' : `+1888${String(i).padStart(7, '0')}`));
  }
  const counts = await newRequestsByCall(sim);
  const lost = placed.filter((id) => !counts.has(id));
  const duplicated = placed.filter((id) => (counts.get(id) ?? 0) > 1);
  console.log(`restarts: ${placed.length} calls, lost ${lost.length}, duplicated ${duplicated.length}`);
  expect(lost).toEqual([]);
  expect(duplicated).toEqual([]);
  const handshakes = (await sim.stats<{ handshakes: number }>()).handshakes;
  expect(handshakes).toBeGreaterThanOrEqual(4);
});

test('the proxy goes away and comes back on the same port: reconnecting, then recovered without reload', async ({
  page,
}) => {
  const simulator = await startSimulator();
  const settings = simulatorEnv(simulator);
  const config = loadConfig({
    PORT: '0',
    ...settings.gws,
    ...settings.uniphore,
    LOG_LEVEL: 'silent',
    // As the other specs' servers (e2e/fixtures/server.ts): callers shown as they came.
    CALLER_NUMBER_REGION: 'off',
  });
  let app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sim = new SimControl(url);
  try {
    await page.goto(`${url}/?mode=embedded`);
    await expect(connected(page)).toBeVisible();
    const loaded = await page.evaluate(() => performance.timeOrigin);
    await app.close();
    await expect(page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
    app = await buildApp(config, { logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    await expect(connected(page)).toBeVisible({ timeout: 30_000 });
    await sim.placeCall({ ani: '+14155550100' });
    await expect(
      page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe'),
    ).toBeVisible();
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
  } finally {
    await app.close();
    await simulator.close();
  }
});

test('malformed payloads on the call channel are ignored and the widget keeps working', async ({
  page,
  sim,
}) => {
  await page.goto('/?mode=embedded');
  await expect(connected(page)).toBeVisible();
  for (const junk of [
    null,
    42,
    'text',
    [],
    { messageType: 'CallStateChangeMessage' },
    { messageType: 'CallStateChangeMessage', call: { id: '', state: 'Ringing' } },
    { messageType: 'createInteractionResponse', referenceId: {} },
  ]) {
    await sim.publish('/v2/me/calls', junk);
  }
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
});

test('a GWS slow to confirm subscriptions, and refusing some: calls that rang meanwhile still pop with their UCS id', async ({
  page,
  sim,
}) => {
  await page.goto('/?mode=embedded');
  await expect(connected(page)).toBeVisible();
  await sim.faults({ cometd: { subscribeDelayMs: 400 }, ucs: { delayMs: 0 } });
  const foundByUcsId = async (interactionId: string) =>
    (await sim.stats<{ uniphore: UniphoreRequestLog[] }>()).uniphore.find(
      (entry) =>
        entry.attribute === 'historySearchId' && entry.value === interactionId && entry.status === 200,
    );
  const timings: number[] = [];
  for (let i = 0; i < 10; i++) {
    // Every third restart the first two subscriptions are refused: the badge says so, and it recovers.
    const refused = i % 3 === 2;
    if (refused) await sim.faults({ cometd: { refuseSubscribes: 2 } });
    await sim.restartCometd(500);
    const interactionId = `UCSFAULT${String(i).padStart(8, '0')}`;
    await sim.addRecord('historySearchId', interactionId);
    const rang = Date.now();
    const call = await sim.placeCall({
      ani: `+1777555${String(i).padStart(4, '0')}`,
      ucsInteractionId: interactionId,
    });
    if (refused) {
      await expect(
        page.getByRole('status').filter({ hasText: 'not receiving calls: retrying…' }),
      ).toBeVisible();
    }
    await expect.poll(() => foundByUcsId(interactionId), { timeout: 15_000 }).toBeDefined();
    const found = await foundByUcsId(interactionId);
    timings.push((found?.at ?? Number.NaN) - rang);
    await sim.release(call.id);
  }
  await expect(connected(page)).toBeVisible();
  expect(await newRequestsByCall(sim).then((counts) => [...counts.values()])).toEqual(Array(10).fill(1));
  timings.sort((a, b) => a - b);
  console.log(
    `slow/refused subscriptions: 10 calls rang during CometD restarts, all found by their UCS id; rang → found median ${timings[5]} ms, max ${timings[9]} ms`,
  );
});
