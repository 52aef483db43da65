// HISTORY_WARMUP=off: the history site sees nothing but its history pages.
import { expect, test } from './fixtures/server';

test.use({ serverEnv: { HISTORY_WARMUP: 'off' } });

test('off: no warm-up frame, ever', async ({ page, sim }) => {
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName('uhw:history-warmup').length)).toBe(0);
  expect(
    await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/favicon.ico')).length,
    ),
  ).toBe(0);
});
