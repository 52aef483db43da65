// Restarts and drops: nothing lost, nothing popped twice, no page reload.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/proxy/app';
import { loadConfig } from '../../src/proxy/config';
import { simulatorEnv, startSimulator } from '../../src/simulator';
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
