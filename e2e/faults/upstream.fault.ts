// Uniphore and UCS misbehaving: clear states, bounded retries, no stuck spinner, recovery by itself.

import { openSteps } from '../fixtures/pop';
import { expect, test } from '../fixtures/server';
import { connected, newRequestsByCall } from './calls';

test.use({ serverEnv: { UNIPHORE_TIMEOUT_MS: '500', UCS_TIMEOUT_MS: '1500' } });

test.beforeEach(async ({ page }) => {
  await page.goto('/?mode=embedded');
  await expect(connected(page)).toBeVisible();
});

test('Uniphore slow, failing, unreachable, then healthy again', async ({ page, sim }) => {
  const cases = [
    { mode: 'slow', text: 'did not answer in time' },
    { mode: 'error500', text: 'The history service failed' },
    { mode: 'reset', text: 'cannot be reached' },
  ];
  for (const [index, { mode, text }] of cases.entries()) {
    await sim.faults({ uniphore: { mode } });
    const ani = `+1777000000${index}`;
    await sim.addRecord('callReturn', ani);
    await sim.placeCall({ ani });
    const pop = page.getByRole('article', { name: `Call from ${ani}` });
    await expect(pop.getByRole('alert')).toContainText(text);
    await expect(pop.getByRole('region', { name: 'Steps' }).locator('[data-status="running"]')).toHaveCount(
      0,
    );
  }
  await sim.faults({ uniphore: { mode: 'ok' } });
  // The last failed pop recovers with its Retry; a new call pops as usual.
  await page
    .getByRole('article', { name: 'Call from +17770000002' })
    .getByRole('button', { name: 'Retry' })
    .click();
  await expect(page.getByRole('article', { name: 'Call from +17770000002' }).locator('iframe')).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
});

for (const mode of ['never', 'duplicate', 'unknown-ref', 'before-ack'] as const) {
  test(`createInteractionResponse ${mode}: the call pops once`, async ({ page, sim }) => {
    await sim.faults({ ucs: { mode } });
    const call = await sim.placeCall({ ani: '+14155550100' });
    const pop = page.getByRole('article', { name: 'Call from +14155550100' });
    await expect(pop.locator('iframe')).toBeVisible();
    if (mode === 'never')
      await expect(pop.getByRole('region', { name: 'Steps' })).toContainText('no answer from UCS in time');
    else await expect(await openSteps(pop)).toContainText(/UCS interaction\s*found/);
    expect((await newRequestsByCall(sim)).get(call.id)).toBe(1);
  });
}
