// The agent's side panel as an agent sees it: how far down the history starts (one call, five calls),
// tabs on one row with the rest behind "+N", no horizontal scroll, progress while a pop runs, the
// steps collapsed once it settled and in full when it was slow. Measured in pixels in real Chromium.
import type { Page } from '@playwright/test';
import { axeViolations } from './fixtures/pages';
import { expect, test } from './fixtures/server';
import { openDesktop } from './fixtures/wwe-desktop';

/** Targets of the agent's panel: the history this close to the top of the widget. */
const ONE_CALL_MAX_PX = 96;
const FIVE_CALLS_MAX_PX = 128;

/** The history frame's top, below the widget's own top (its <main>), in CSS pixels. */
const historyTop = (page: Page) =>
  page.evaluate(() => {
    const frame = document.querySelector('iframe.history__frame');
    const main = document.querySelector('main');
    return frame && main ? frame.getBoundingClientRect().top - main.getBoundingClientRect().top : null;
  });

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [320, 360]) {
  test(`${width}×600: the history starts ≤ ${ONE_CALL_MAX_PX} px down with one call, ≤ ${FIVE_CALLS_MAX_PX} px with five, tabs on one row`, async ({
    page,
    sim,
  }) => {
    await page.setViewportSize({ width, height: 600 });
    await page.goto('/?mode=embedded');
    await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();

    await sim.placeCall({ ani: '+14155550100' });
    const first = page.getByRole('article', { name: 'Call from +14155550100' });
    await expect(first.locator('iframe')).toBeVisible();
    await expect(first.getByText('History found')).toBeVisible();
    const oneCall = await historyTop(page);
    expect(oneCall).not.toBeNull();
    expect(oneCall).toBeLessThanOrEqual(ONE_CALL_MAX_PX);
    // The history takes the rest of the panel's height.
    const frameHeight = await first.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    expect(frameHeight).toBeGreaterThan(600 - ONE_CALL_MAX_PX - 40);

    const callers = ['+12121234567', '+19995550401', '+19995550402', '+19995550403'];
    for (const ani of callers) await sim.placeCall({ ani, callType: 'Consult' });
    const newest = page.getByRole('article', { name: 'Call from +19995550403' });
    await expect(newest).toBeVisible();
    await expect(page.getByText('No interaction history found for +19995550403.')).toBeVisible();
    // Five calls: every one is a tab or an entry of the "+N" menu, the newest one selected.
    const tabs = page.getByRole('tablist', { name: 'Calls' }).getByRole('tab');
    const more = page.getByRole('button', { name: /more calls?$/ });
    const shownTabs = await tabs.count();
    expect(shownTabs).toBeGreaterThanOrEqual(2);
    await expect(more).toHaveAccessibleName(`${5 - shownTabs} more call${5 - shownTabs === 1 ? '' : 's'}`);
    await expect(page.getByRole('tab', { name: '+19995550403' })).toHaveAttribute('aria-selected', 'true');
    // One row: every tab at the same height, none wrapped.
    const tops = await tabs.evaluateAll((list) =>
      list.map((tab) => Math.round(tab.getBoundingClientRect().top)),
    );
    expect(new Set(tops).size).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // An older call from the menu (keyboard only) takes the screen; the history sits just as high.
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    const items = await menu.getByRole('menuitem').allTextContents();
    const target = items.indexOf('+14155550100');
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('tab', { name: '+14155550100' })).toHaveAttribute('aria-selected', 'true');
    await expect(first.locator('iframe')).toBeVisible();
    const fiveCalls = await historyTop(page);
    expect(fiveCalls).toBeLessThanOrEqual(FIVE_CALLS_MAX_PX);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    test.info().annotations.push({
      type: `history-top-${width}px`,
      description: `one call ${oneCall} px, five calls ${fiveCalls} px`,
    });
    console.log(`${width}×600: history frame top ${oneCall} px (one call), ${fiveCalls} px (five calls)`);
    if (process.env.UPDATE_SCREENSHOTS && width === 320) {
      await page.screenshot({ path: 'e2e/screenshots/agent-320.png' });
    }
  });
}

test('while a pop runs it says which step and for how long; slow, it opens its steps', async ({
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 320, height: 600 });
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  await sim.faults({ ucs: { mode: 'ok', delayMs: 3_000 } });
  await sim.placeCall({ ani: '+14155550100' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.getByText('Finding the interaction…')).toBeVisible();
  await expect(pop.getByText(/^\d+ s$/)).toBeVisible();
  // Past 2 s the steps open by themselves, showing the step that waits.
  await expect(pop.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(pop.getByRole('region', { name: 'Steps' })).toContainText('finding…');
  await expect(pop.locator('iframe')).toBeVisible({ timeout: 15_000 });
  await expect(pop.getByText('History found')).toBeVisible();
  // The agent can fold them away again.
  await pop.getByRole('button', { name: 'Details' }).click();
  await expect(pop.getByRole('region', { name: 'Steps' })).toBeHidden();
});

test('a quick pop folds its steps into one line; a failed step shows them in full', async ({ page, sim }) => {
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  const quick = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(quick.getByText('History found')).toBeVisible();
  await expect(quick.getByText(/^\d+ ms$/)).toBeVisible();
  await expect(quick.getByRole('region', { name: 'Steps' })).toHaveCount(0);
  await expect(quick.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
  await sim.faults({ ucs: { mode: 'error', delayMs: 0 } });
  await sim.placeCall({ ani: '+12121234567' });
  const failed = page.getByRole('article', { name: 'Call from +12121234567' });
  await expect(failed.locator('iframe')).toBeVisible();
  await expect(failed.getByText('a step failed')).toBeVisible();
  await expect(failed.getByRole('region', { name: 'Steps' })).toContainText('UCS request failed');
});

test('a released call stays readable, ended, and a new ringing call takes the screen', async ({
  page,
  sim,
}) => {
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  const call = await sim.placeCall({ ani: '+14155550100' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.locator('iframe')).toBeVisible();
  await sim.release(call.id);
  await expect(pop.getByText('Ended', { exact: true })).toBeVisible();
  await expect(pop.locator('iframe')).toBeVisible();
  await sim.placeCall({ ani: '+12121234567' });
  await expect(page.getByRole('tab', { name: '+12121234567' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: '+14155550100 (ended)' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Call from +12121234567' }).locator('iframe')).toBeVisible();
});

test('inside the simulated WWE desktop (360 px panel), the history starts as high', async ({
  page,
  server,
  sim,
}) => {
  // The desktop gives its web-content panel the window's height less its own bar: 600 px of panel.
  await page.setViewportSize({ width: 1280, height: 712 });
  const widget = await openDesktop(page, server);
  await expect(widget.getByRole('main')).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  const pop = widget.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.locator('iframe')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('mode=embedded'));
  if (!frame) throw new Error('the widget frame is missing');
  const top = await frame.evaluate(() => {
    const history = document.querySelector('iframe.history__frame');
    const main = document.querySelector('main');
    return history && main ? history.getBoundingClientRect().top - main.getBoundingClientRect().top : null;
  });
  expect(top).not.toBeNull();
  expect(top).toBeLessThanOrEqual(ONE_CALL_MAX_PX);
  const overflow = await frame.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/wwe-panel.png' });
});

test('dark, the panel is as readable as light: axe-clean with a pop and its steps open', async ({
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 360, height: 600 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?mode=embedded');
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  await sim.placeCall({ ani: '+19995550901' });
  await sim.placeCall({ ani: '+14155550100', callType: 'Consult' });
  const pop = page.getByRole('article', { name: 'Call from +14155550100' });
  await expect(pop.locator('iframe')).toBeVisible();
  await pop.getByRole('button', { name: 'Details' }).click();
  await expect(pop.getByRole('region', { name: 'Steps' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/embedded-dark.png' });
});
