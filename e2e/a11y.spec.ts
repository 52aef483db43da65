// Accessibility: an axe scan of each face with a call popped, the live announcement, and the
// keyboard-only path from a pop to the history in a new tab.
import { axeViolations } from './fixtures/pages';
import { expect, test } from './fixtures/server';

test('the agent view with a popped call has no axe violations, and announces the pop', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'New call from +14155550100' })).toBeAttached();
  expect(await axeViolations(page)).toEqual([]);
});

test('the embedded view, 320 px wide, with two calls, has no axe violations', async ({ page, sim }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?mode=embedded');
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  await sim.placeCall({ ani: '+19995550000' });
  await sim.placeCall({ ani: '+14155550100', callType: 'Consult' });
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // Nothing sticks out of a 320 px side panel.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/embedded.png' });
});

test('keyboard only: from a popped call to its history in a new tab', async ({ page, context, sim }) => {
  await page.goto('/?mode=embedded');
  await sim.placeCall({ ani: '+14155550100' });
  const link = page.getByRole('link', { name: 'Open in new tab' });
  await expect(link).toBeVisible();
  for (let presses = 0; presses < 20; presses++) {
    if (await link.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  const [history] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await history.waitForLoadState();
  await expect(history.getByRole('heading', { name: 'Interaction history' })).toBeVisible();
});

test('keyboard only: arrow keys move between call tabs', async ({ page, sim }) => {
  await page.goto('/?mode=embedded');
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  await sim.placeCall({ ani: '+19995550000', callType: 'Consult' });
  const newest = page.getByRole('tab', { name: '+19995550000' });
  await expect(newest).toHaveAttribute('aria-selected', 'true');
  await newest.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: '+14155550100' })).toBeFocused();
  await expect(page.getByRole('tab', { name: '+14155550100' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Call from +14155550100' })).toBeVisible();
});

test('the theme follows the system, and a theme the host passes wins', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?mode=embedded');
  await expect(page.getByRole('heading', { name: 'Interaction history' })).toBeVisible();
  expect(await background()).toBe('rgb(13, 17, 23)');
  await page.goto('/?mode=embedded&theme=light');
  await expect(page.getByRole('heading', { name: 'Interaction history' })).toBeVisible();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?mode=embedded&theme=dark');
  await expect(page.getByRole('heading', { name: 'Interaction history' })).toBeVisible();
  expect(await background()).toBe('rgb(13, 17, 23)');
});
