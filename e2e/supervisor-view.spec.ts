// The supervisor's tab: search, deep links, back/forward, actionable errors, the live feed, axe.
import { axeViolations } from './fixtures/pages';
import { expect, test } from './fixtures/server';

test('search by attribute and value shows the history beside the form', async ({ page, sim }) => {
  const record = await sim.addRecord('dtmf', '8642');
  await page.goto('/?mode=supervisor');
  const form = page.getByRole('form', { name: 'Find an interaction' });
  await form.getByLabel('Caller attribute').selectOption('dtmf');
  await form.getByLabel('Value').fill('8642');
  await form.getByRole('button', { name: 'Search' }).click();
  const result = page.getByRole('region', { name: 'Result for DTMF code 8642' });
  await expect(result.locator('iframe')).toHaveAttribute('src', new RegExp(record.uniqueId));
  await expect(page).toHaveURL(/mode=supervisor&attribute=dtmf&value=8642/);
});

test('a deep link loads straight into its result, + included', async ({ page }) => {
  await page.goto('/?mode=supervisor&attribute=clickToCall&value=%2B12121234567');
  await expect(page.getByRole('form', { name: 'Find an interaction' }).getByLabel('Value')).toHaveValue(
    '+12121234567',
  );
  await expect(page.frameLocator('iframe').getByText('7c2e9d41-8a3b-4f5c-a6d7-e8f9a0b1c2d3')).toBeVisible();
});

test('back and forward walk between searches', async ({ page, sim }) => {
  const first = await sim.addRecord('historySearchId', 'HS-BACK-1');
  const second = await sim.addRecord('historySearchId', 'HS-BACK-2');
  await page.goto('/?mode=supervisor');
  const form = page.getByRole('form', { name: 'Find an interaction' });
  for (const value of ['HS-BACK-1', 'HS-BACK-2']) {
    await form.getByLabel('Value').fill(value);
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('region', { name: `Result for History search ID ${value}` })).toBeVisible();
  }
  await expect(page.locator('iframe')).toHaveAttribute('src', new RegExp(second.uniqueId));
  await page.goBack();
  await expect(page.locator('iframe')).toHaveAttribute('src', new RegExp(first.uniqueId));
  await expect(form.getByLabel('Value')).toHaveValue('HS-BACK-1');
  await page.goForward();
  await expect(page.locator('iframe')).toHaveAttribute('src', new RegExp(second.uniqueId));
});

test('invalid input is refused before anything is sent', async ({ page, sim }) => {
  await page.goto('/?mode=supervisor');
  const form = page.getByRole('form', { name: 'Find an interaction' });
  await form.getByLabel('Value').fill('x'.repeat(129));
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(form.getByRole('alert')).toHaveText('The value is longer than 128 characters.');
  const stats = await sim.stats<{ uniphoreReceived: number }>();
  expect(stats.uniphoreReceived).toBe(0);
});

test('not found, and Uniphore refusing our credentials, read as the supervisor can act on them', async ({
  page,
  sim,
}) => {
  await page.goto('/?mode=supervisor&attribute=dtmf&value=0000');
  await expect(
    page.getByRole('status').filter({ hasText: 'Not found: no interaction for DTMF code 0000.' }),
  ).toBeVisible();
  await sim.faults({ uniphore: { mode: 'unauthorized' } });
  await page.goto('/?mode=supervisor&attribute=dtmf&value=4567');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Uniphore rejected our credentials (ask the administrator)');
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('a slow history service can be retried once it heals', async ({ page, sim }) => {
  await sim.faults({ uniphore: { mode: 'reset' } });
  await page.goto('/?mode=supervisor&attribute=dtmf&value=4567');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be reached');
  await sim.faults({ uniphore: { mode: 'ok' } });
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('iframe')).toBeVisible();
});

test('the team feed lists the pops of an agent on the same server, with the chart, and the view is axe-clean', async ({
  browser,
  page,
  sim,
}) => {
  // The supervisor (this page) and the agent are different people: separate browser contexts, so
  // separate GWS sessions (the supervisor view signs in as the simulator's supervisor).
  await page.goto('/?mode=supervisor');
  await expect(page.locator('.feed__state')).toHaveText('live');
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.goto('/');
  await expect(agent.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  // Callers of this test only: the feed replays the pops of the server's earlier tests too.
  await sim.addRecord('callReturn', '+14155559876');
  await sim.placeCall({ ani: '+14155559876' });
  await sim.placeCall({ ani: '+19995550777' });
  const feed = page.getByRole('table', { name: 'Team feed' });
  const rows = (caller: string) => feed.locator('tbody tr[data-row]').filter({ hasText: caller });
  await expect(rows('+14155559876')).toContainText('shown');
  await expect(rows('+14155559876')).toContainText('Dana Demo');
  await expect(rows('+19995550777')).toContainText('not found');
  await page.getByLabel('Outcome').selectOption('not-found');
  await expect(rows('+14155559876')).toHaveCount(0);
  await expect(rows('+19995550777')).toHaveCount(1);
  await page.getByLabel('Outcome').selectOption('all');
  await page
    .getByRole('form', { name: 'Find an interaction' })
    .getByLabel('Value')
    .fill('744907dd90-6b2e7b816f538cd');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('iframe')).toBeVisible();
  await expect(page.locator('.feed-chart canvas').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await agentContext.close();
});

test('npm start’s supervisor URL (localhost) is the simulated supervisor beside the agent tab of the same browser', async ({
  context,
  page,
  server,
  sim,
}) => {
  const line = server.logs.find((entry) => entry.startsWith('Supervisor view (simulated supervisor): '));
  const supervisorUrl = line?.split(': ')[1] ?? '';
  expect(supervisorUrl).toMatch(/^http:\/\/localhost:\d+\/\?mode=supervisor$/);
  // One browser, one context: the agent on 127.0.0.1, the supervisor on localhost (cookies per host).
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  const supervisor = await context.newPage();
  await supervisor.goto(supervisorUrl);
  await expect(supervisor.locator('.feed__state')).toHaveText('live');
  await sim.placeCall({ ani: '+19995550888' });
  const row = supervisor.getByRole('row').filter({ hasText: '+19995550888' });
  await expect(row).toContainText('Dana Demo');
  // The agent tab still holds the agent's session: its calls still pop.
  await expect(page.getByText(/No interaction history found for \+19995550888/)).toBeVisible();
});
