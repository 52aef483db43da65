// The history frame's connection, opened ahead of need: a hidden frame of the history site (no
// scripts, its own origin: the history frame's network partition) loads a small resource when a call
// rings after a quiet spell, at most once per HISTORY_WARMUP_INTERVAL_MS, and goes away.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';

test.use({ serverEnv: { HISTORY_WARMUP: 'ring', HISTORY_WARMUP_INTERVAL_MS: '60000' } });

const warmups = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('uhw:history-warmup').map((mark) => (mark as PerformanceMark).detail.url),
  );

test('a call after a quiet spell warms the history site once, in a frame of its own that goes away', async ({
  page,
  sim,
}) => {
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  const first = await sim.placeCall({ ani: '+14155550100' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.locator('iframe')).toBeVisible();
  await expect.poll(() => warmups(page)).toHaveLength(1);
  const [url] = await warmups(page);
  const historyOrigin = new URL((await pop.locator('iframe').getAttribute('src')) ?? '').origin;
  expect(url).toBe(`${historyOrigin}/favicon.ico`);
  // The warm-up frame loaded the history site and is gone: only the history frame is left.
  await expect
    .poll(() =>
      page.evaluate(
        (target) => performance.getEntriesByType('resource').some((entry) => entry.name === target),
        url,
      ),
    )
    .toBe(true);
  await expect(page.locator('iframe')).toHaveCount(1);
  // Another call within the interval: the connection is in use, no second warm-up.
  await sim.release(first.id);
  await sim.placeCall({ ani: '+12121234567' });
  await expect(page.getByRole('article', { name: 'Call from +12121234567' }).locator('iframe')).toBeVisible();
  expect(await warmups(page)).toHaveLength(1);
});
