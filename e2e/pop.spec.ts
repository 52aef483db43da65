// The walking skeleton, end to end: simulator panel → real CometD event → FindPhoneCall → correlation →
// proxy lookup → Uniphore simulator → history iframe, in Chromium.
import { SIMULATOR_CREDENTIALS } from '../src/simulator';
import { openSteps } from './fixtures/pop';
import { expect, test } from './fixtures/server';

test.describe('a call pops its interaction history', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  });

  test('placed from the simulator panel, the history of the caller is shown in a frame', async ({
    page,
    sim,
  }) => {
    const record = await sim.addRecord('callReturn', '+14155550142');
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Caller number').fill('+14155550142');
    await panel.getByRole('button', { name: 'Place call' }).click();

    const pop = page.getByRole('article', { name: 'Call from +14155550142' });
    await expect(pop.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
    const steps = await openSteps(pop);
    await expect(steps).toContainText('Call received');
    await expect(steps).toContainText(`found by callReturn: ${record.uniqueId}`);
    const frame = pop.locator('iframe[title="Interaction history of +14155550142"]');
    await expect(frame).toHaveAttribute('src', new RegExp(`/history/${record.uniqueId}$`));
    await expect(pop.getByRole('link', { name: 'Open in new tab' })).toHaveAttribute(
      'href',
      new RegExp(`/history/${record.uniqueId}$`),
    );
    await expect(page.frameLocator('iframe').getByText(record.uniqueId)).toBeVisible();

    const ms = await page.evaluate(() => {
      const placed = performance.getEntriesByName('uhw:place-call')[0];
      const shown = performance.getEntriesByName('uhw:history-src-set')[0];
      return placed && shown ? shown.startTime - placed.startTime : null;
    });
    expect(ms).not.toBeNull();
    // README screenshot: refreshed on demand (UPDATE_SCREENSHOTS=1 npm run test:e2e), taken here.
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/agent-pop.png' });
    test
      .info()
      .annotations.push({ type: 'place-call-to-iframe-ms', description: String(Math.round(ms ?? -1)) });
    console.log(`place call → iframe src set: ${Math.round(ms ?? -1)} ms`);
  });

  test('the UCS interaction id is tried first as historySearchId', async ({ page, sim }) => {
    const call = await sim.placeCall({ ani: '+14155550143' });
    const pop = page.getByRole('article', { name: 'Call from +14155550143' });
    await expect(await openSteps(pop)).toContainText(/UCS interaction\s*found \w+/);
    const stats = await sim.stats<{ findPhoneCall: { body: Record<string, unknown> }[] }>();
    expect(stats.findPhoneCall.map((entry) => entry.body)).toContainEqual(
      expect.objectContaining({
        operationName: 'FindPhoneCall',
        callId: call.id,
        status: 'New',
        type: 'Inbound',
      }),
    );
  });

  test('a caller unknown to Uniphore shows "no interaction history found"', async ({ page, sim }) => {
    await sim.placeCall({ ani: '+19995550000' });
    const pop = page.getByRole('article', { name: 'Call from +19995550000' });
    await expect(pop.getByRole('status')).toHaveText(/No interaction history found for \+19995550000/);
    await expect(pop.locator('iframe')).toHaveCount(0);
  });

  test('a "+" in the caller number reaches Uniphore as %2B and is found', async ({ page, sim }) => {
    const record = await sim.addRecord('clickToCall', '+12125550199');
    await sim.placeCall({ ani: '+12125550199' });
    const pop = page.getByRole('article', { name: 'Call from +12125550199' });
    await expect(pop.locator('iframe')).toHaveAttribute('src', new RegExp(record.uniqueId));
    const stats = await sim.stats<{ uniphore: { rawPath: string }[] }>();
    const paths = stats.uniphore.map((entry) => entry.rawPath);
    expect(paths).toContainEqual(expect.stringMatching(/\/uniqueId\/clickToCall\/%2B12125550199$/));
    expect(paths.some((path) => path.includes('+'))).toBe(false);
  });

  test('Uniphore refusing our credentials shows a configuration error, and the key appears nowhere', async ({
    page,
    sim,
  }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      bodies.push(
        `${response.url()} ${JSON.stringify(await response.allHeaders())} ${await response.text().catch(() => '')}`,
      );
    });
    await sim.faults({ uniphore: { mode: 'unauthorized' } });
    await sim.placeCall({ ani: '+14155550100' });
    const pop = page.getByRole('article', { name: 'Call from +14155550100' });
    await expect(pop.getByRole('alert')).toHaveText(/Uniphore rejected our credentials.*administrator/);
    await expect(pop.locator('iframe')).toHaveCount(0);
    const key = SIMULATOR_CREDENTIALS.applicationKey;
    expect(await page.content()).not.toContain(key);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(key);
  });
});
