// Speaking GWS as documented, against the simulator's real CometD server: CSRF, the notification
// racing the HTTP answer, restarts, late attached data, consult calls, malformed payloads.
import type { Page } from '@playwright/test';
import { openSteps } from './fixtures/pop';
import { expect, test } from './fixtures/server';

const connected = (page: Page) => page.getByRole('status').filter({ hasText: /^connected$/ });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(connected(page)).toBeVisible();
});

test('FindPhoneCall carries the CSRF token GWS handed out (the simulator refuses it otherwise)', async ({
  page,
  sim,
}) => {
  const call = await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  expect(await sim.findPhoneCalls(call.id)).toHaveLength(1);
  const stats = await sim.stats<{ csrfRejected: number }>();
  expect(stats.csrfRejected).toBe(0);
});

test('a createInteractionResponse that arrives before the HTTP answer still pops', async ({ page, sim }) => {
  await sim.faults({ ucs: { mode: 'before-ack' } });
  await sim.placeCall({ ani: '+14155550100' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(await openSteps(pop)).toContainText(/UCS interaction\s*found \w{16}/);
  await expect(pop.locator('iframe')).toBeVisible();
});

test('"UCS request failed" is shown as such, and the call’s own attributes are still tried', async ({
  page,
  sim,
}) => {
  await sim.faults({ ucs: { mode: 'error' } });
  await sim.placeCall({ ani: '+14155550100' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.getByRole('region', { name: 'Steps' })).toContainText('UCS request failed');
  await expect(pop.locator('iframe')).toBeVisible();
});

test('a call ringing while the CometD server restarts is popped once after the reconnect', async ({
  page,
  sim,
}) => {
  await sim.restartCometd(1_500);
  const call = await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('status').filter({ hasText: /reconnecting/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  await expect(connected(page)).toBeVisible();
  // Another restart with the call still ringing: it is seen again in /api/v2/me/calls, never re-popped.
  await sim.restartCometd(0);
  await expect(connected(page)).toBeVisible();
  const second = await sim.placeCall({ ani: '+19995550001' });
  await expect(page.getByRole('tab', { name: '+19995550001' })).toBeVisible();
  const statuses = (await sim.findPhoneCalls(call.id)).map((body) => body.status);
  expect(statuses).toEqual(['New']);
  expect(await sim.findPhoneCalls(second.id)).toHaveLength(1);
  await expect(page.getByRole('tab')).toHaveCount(2);
});

test('a call found ringing by the refetch after a CometD restart pops via its UCS id, the subscription slow to confirm', async ({
  page,
  sim,
}) => {
  await sim.faults({ cometd: { subscribeDelayMs: 300 }, ucs: { delayMs: 0 } });
  await sim.restartCometd(1_500);
  const record = await sim.addRecord('historySearchId', 'UCSREFETCH000001');
  const call = await sim.placeCall({ ani: '+19995550077', ucsInteractionId: 'UCSREFETCH000001' });
  const pop = page.getByRole('article', { name: 'Call from +19995550077' });
  const steps = await openSteps(pop);
  await expect(steps).toContainText('found UCSREFETCH000001');
  await expect(steps).toContainText(`found by historySearchId: ${record.uniqueId}`);
  expect(await sim.findPhoneCalls(call.id)).toHaveLength(1);
});

test('a call that rang while the widget was disconnected takes the screen, as a live ringing call does', async ({
  page,
  sim,
}) => {
  const answered = await sim.placeCall({ ani: '+19995550078' });
  await expect(page.getByRole('article', { name: 'Call from +19995550078' })).toBeVisible();
  await sim.answer(answered.id);
  await sim.restartCometd(1_000);
  await expect(page.getByRole('status').filter({ hasText: /reconnecting/ })).toBeVisible();
  await sim.placeCall({ ani: '+19995550079' });
  await expect(connected(page)).toBeVisible();
  await expect(page.getByRole('tab', { name: '+19995550079' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Call from +19995550079' })).toBeVisible();
});

test('historySearchId attached after ringing leads to the right history', async ({ page, sim }) => {
  const record = await sim.addRecord('historySearchId', 'HS-LATE-1');
  const call = await sim.placeCall({ ani: '+19995550002' });
  const pop = page.getByRole('article', { name: 'Call from +19995550002' });
  await expect(pop.getByRole('status')).toHaveText(/No interaction history found/);
  await sim.attach(call.id, { historySearchId: 'HS-LATE-1' });
  await expect(pop.locator('iframe')).toHaveAttribute('src', new RegExp(record.uniqueId));
  await expect(await openSteps(pop)).toContainText(`found by historySearchId: ${record.uniqueId}`);
  expect(await sim.findPhoneCalls(call.id)).toHaveLength(1);
});

test('a consult call while another is active gets its own pop', async ({ page, sim }) => {
  await sim.placeCall({ ani: '+14155550100', established: true });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  const consult = await sim.placeCall({ ani: '+12121234567', callType: 'Consult' });
  await expect(page.getByRole('tab', { name: '+12121234567' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Call from +12121234567' }).locator('iframe')).toBeVisible();
  expect(await sim.findPhoneCalls(consult.id)).toEqual([
    expect.objectContaining({ type: 'Consult', status: 'New' }),
  ]);
  await page.getByRole('tab', { name: '+14155550100' }).click();
  await expect(page.getByRole('article', { name: 'Call from +14155550100' })).toBeVisible();
});

test('malformed payloads on the call channel are dropped and the widget keeps working', async ({
  page,
  sim,
}) => {
  await sim.publish('/v2/me/calls', { messageType: 'CallStateChangeMessage', call: { state: 'Ringing' } });
  await sim.publish('/v2/me/calls', 'not an object');
  await sim.publish('/v2/me/calls', { messageType: 'SomethingNew', whatever: true });
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
});

test('participants as objects and no ani: the caller comes from the participants', async ({ page, sim }) => {
  await sim.faults({ participantsFormat: 'objects', omitAni: true });
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
});
