// The supervisor's dashboard as a supervisor uses it, at 1280 and 1920 px: the figures for a window,
// per agent, the feed as a full-width table (no cell cut, sortable, filterable, by keyboard), and a row
// that opens its history beside or over the feed. An agent in another browser context makes the pops.
import type { Browser, Page } from '@playwright/test';
import { axeViolations } from './fixtures/pages';
import { expect, type SimControl, test } from './fixtures/server';

// A server of its own (the team feed replays every pop a server has seen): the figures count only
// the pops of this file. The first test relies on it.
test.use({ serverEnv: { FEED_BACKLOG: '1999' } });

/** The agent's own tab, connected, in a context (GWS session) of its own. */
async function agentTab(browser: Browser): Promise<Page> {
  const agent = await (await browser.newContext()).newPage();
  await agent.goto('/');
  await expect(agent.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  return agent;
}

/** Five pops: two found, two not found, one failed. */
async function placeTeamCalls(agent: Page, sim: SimControl) {
  await sim.addRecord('callReturn', '+14155550503');
  for (const ani of ['+14155550100', '+12121234567', '+19995550501', '+19995550502']) {
    await sim.placeCall({ ani });
    await expect(
      agent.getByRole('article', { name: `Call from ${ani}` }).getByText(/History found|No history/),
    ).toBeVisible();
  }
  await sim.faults({ uniphore: { mode: 'error500' } });
  await sim.placeCall({ ani: '+14155550503' });
  await expect(
    agent.getByRole('article', { name: 'Call from +14155550503' }).getByRole('alert'),
  ).toBeVisible();
  await sim.faults({ uniphore: { mode: 'ok' } });
}

/** Cells whose content does not fit (cut or ellipsised), and how far the page or table scrolls sideways. */
const layoutProblems = (page: Page) =>
  page.evaluate(() => {
    const cut = [...document.querySelectorAll('.feed__table :is(td, th), .agents__table :is(td, th), .kpi')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent);
    const table = document.querySelector('.feed__viewport');
    return {
      cut,
      tableOverflow: table ? table.scrollWidth - table.clientWidth : -1,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });

const feedRows = (page: Page) => page.getByRole('table', { name: 'Team feed' }).locator('tbody tr[data-row]');

test('the team at a glance: figures for the window, per agent, the feed in full at 1280 and 1920 px', async ({
  browser,
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?mode=supervisor');
  await expect(page.getByRole('status').filter({ hasText: /^live$/ })).toBeVisible();
  const agent = await agentTab(browser);
  await placeTeamCalls(agent, sim);

  const overview = page.getByRole('region', { name: 'Team at a glance' });
  const figure = (label: string) =>
    overview.locator('.kpi').filter({ has: page.getByRole('term').filter({ hasText: label }) });
  await expect(figure('Pops').getByRole('definition').first()).toHaveText('5');
  await expect(figure('Found').getByRole('definition').first()).toHaveText('40%');
  await expect(figure('Found').getByRole('definition').nth(1)).toHaveText('2 of 5');
  await expect(figure('Not found').getByRole('definition').first()).toHaveText('2');
  await expect(figure('Failed').getByRole('definition').first()).toHaveText('1');
  await expect(figure('Time to pop, p95').getByRole('definition').first()).toHaveText(
    /^\d+ ms$|^\d+(\.\d)? s$/,
  );
  await expect(overview.getByRole('radio', { name: '1 hour' })).toBeChecked();
  await expect(overview.getByRole('img')).toHaveAccessibleName('2 shown, 2 not found, 1 failed');

  // Per agent: the one with a failure stands out; a click filters the feed to them.
  const agents = overview.getByRole('table', { name: 'Agents' });
  const dana = agents.getByRole('row').filter({ hasText: 'Dana Demo' });
  await expect(dana.getByRole('cell')).toHaveText(['5', '40%', '2', '1', /ms|s$/]);

  // The feed: every pop a row, no cell cut, no sideways scroll, at both widths.
  await expect(feedRows(page)).toHaveCount(5);
  expect(await layoutProblems(page)).toEqual({ cut: [], tableOverflow: 0, pageOverflow: 0 });
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/supervisor-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(feedRows(page)).toHaveCount(5);
  expect(await layoutProblems(page)).toEqual({ cut: [], tableOverflow: 0, pageOverflow: 0 });

  // A row opens its history beside the feed at 1920 px: the configured history site only.
  await page.getByRole('button', { name: 'Open the history of +12121234567' }).click();
  const result = page.getByRole('region', { name: 'Result for Click-to-call caller ID +12121234567' });
  await expect(result.locator('iframe')).toHaveAttribute(
    'src',
    /\/history\/7c2e9d41-8a3b-4f5c-a6d7-e8f9a0b1c2d3$/,
  );
  await expect(page).toHaveURL(/attribute=clickToCall&value=%2B12121234567/);
  const [pane, table] = await Promise.all([
    page.getByRole('complementary', { name: 'History' }).boundingBox(),
    page.getByRole('table', { name: 'Team feed' }).boundingBox(),
  ]);
  expect(pane && table && pane.x >= table.x + table.width).toBe(true);
  expect(await layoutProblems(page)).toEqual({ cut: [], tableOverflow: 0, pageOverflow: 0 });
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/supervisor-1920.png' });

  // Another window: the figures follow.
  await overview.getByRole('radio', { name: '15 min' }).check();
  await expect(page).toHaveURL(/window=15m/);
  await expect(figure('Pops').getByRole('definition').first()).toHaveText('5');
  await agent.context().close();
});

test('sorting, filtering and the agent filter change the rows, and say so', async ({
  browser,
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?mode=supervisor');
  await expect(page.getByRole('status').filter({ hasText: /^live$/ })).toBeVisible();
  const agent = await agentTab(browser);
  await sim.placeCall({ ani: '+14155550100' });
  await sim.placeCall({ ani: '+19995550601' });
  await expect(feedRows(page).filter({ hasText: '+19995550601' })).toHaveCount(1);
  await expect(feedRows(page).filter({ hasText: '+14155550100' }).first()).toBeVisible();

  const table = page.getByRole('table', { name: 'Team feed' });
  const ttp = table.getByRole('columnheader', { name: 'Time to pop' });
  await ttp.getByRole('button').click();
  await expect(ttp).toHaveAttribute('aria-sort', 'descending');
  const times = await feedRows(page).locator('td[data-column="ttp"]').allTextContents();
  const ms = times.map((text) =>
    text.endsWith(' s') ? Number.parseFloat(text) * 1000 : Number.parseFloat(text),
  );
  expect(ms).toEqual([...ms].sort((a, b) => b - a));
  await ttp.getByRole('button').click();
  await expect(ttp).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: 'Time', exact: true })).toHaveAttribute(
    'aria-sort',
    'none',
  );

  await page.getByLabel('Outcome').selectOption('not-found');
  await expect(feedRows(page).filter({ hasText: 'shown' })).toHaveCount(0);
  await expect(page.getByText(/^\d+ of \d+ pops$/)).toBeVisible();
  await page.getByLabel('Outcome').selectOption('all');
  await page.getByRole('searchbox', { name: 'Filter' }).fill('+19995550601');
  await expect(feedRows(page)).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Filter' }).fill('');

  const danaFilter = page.getByRole('table', { name: 'Agents' }).getByRole('button', { name: 'Dana Demo' });
  await danaFilter.click();
  await expect(danaFilter).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Agent', { exact: true })).toHaveValue(/.+/);
  await danaFilter.click();
  await expect(page.getByLabel('Agent', { exact: true })).toHaveValue('');
  await agent.context().close();
});

test('keyboard only: into the feed, along its rows, a history opened and closed, focus kept', async ({
  browser,
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?mode=supervisor');
  await expect(page.getByRole('status').filter({ hasText: /^live$/ })).toBeVisible();
  const agent = await agentTab(browser);
  await sim.placeCall({ ani: '+14155550100' });
  await sim.placeCall({ ani: '+19995550701' });
  await expect(feedRows(page).first()).toContainText('+19995550701');

  // One Tab stop for the whole table: the newest row's caller.
  const newest = page.getByRole('button', { name: 'Look up +19995550701 again' });
  for (let presses = 0; presses < 40; presses++) {
    if (await newest.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(newest).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const found = page.getByRole('button', { name: 'Open the history of +14155550100' }).first();
  await expect(found).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'History' });
  await expect(pane.locator('iframe')).toBeVisible();
  await expect(found).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(found).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(newest).toBeFocused();
  await page.keyboard.press('End');
  await expect(
    page.getByRole('table', { name: 'Team feed' }).locator('tbody tr[data-row]').last(),
  ).toContainText(await page.evaluate(() => document.activeElement?.textContent ?? ''));
  await agent.context().close();
});

test('dark as readable as light, axe-clean; in German the figures are written the German way', async ({
  browser,
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?mode=supervisor');
  await expect(page.locator('.feed__state[data-state="live"]')).toBeVisible();
  const agent = await agentTab(browser);
  await sim.placeCall({ ani: '+14155550100' });
  await sim.placeCall({ ani: '+19995550801' });
  await expect(feedRows(page).filter({ hasText: '+19995550801' })).toHaveCount(1);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'e2e/screenshots/supervisor-dark.png' });
  await page.getByRole('button', { name: 'Open the history of +14155550100' }).first().click();
  await expect(page.getByRole('complementary', { name: 'History' }).locator('iframe')).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(13, 17, 23)',
  );
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/?mode=supervisor&lang=de&window=8h');
  const overview = page.getByRole('region', { name: 'Team auf einen Blick' });
  await expect(overview.getByRole('radio', { name: '8 Stunden' })).toBeChecked();
  // German puts a (no-break) space before the per cent sign, and a comma in decimals.
  await expect(overview.locator('.kpi').nth(1).getByRole('definition').first()).toHaveText(
    /^\d+(,\d)?\u00a0%$/,
  );
  expect(await layoutProblems(page)).toEqual({ cut: [], tableOverflow: 0, pageOverflow: 0 });
  await agent.context().close();
});
