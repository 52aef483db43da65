// The team feed across replicas, in Chromium: two proxies sharing one simulator and one Redis, a
// load balancer in front, an agent and a supervisor in browser contexts of their own (different
// people, different GWS sessions).
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type Replicas, startReplicas } from './fixtures/replicas';
import { SimControl } from './fixtures/server';

let replicas: Replicas;
let sim: SimControl;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(60_000);
  replicas = await startReplicas();
  sim = new SimControl(replicas.a.url);
});
test.afterAll(async () => replicas?.close());

async function agentOn(browser: Browser, base: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL('/', base).href);
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  return page;
}

async function supervisorOn(browser: Browser, base: string, state = 'live'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL('/?mode=supervisor', base).href);
  await expect(page.locator('.feed__state')).toHaveText(state);
  return page;
}

const rows = (supervisor: Page, caller: string) =>
  supervisor
    .getByRole('table', { name: 'Team feed' })
    .locator('tbody tr[data-row]')
    .filter({ hasText: caller });

test('a pop on replica A reaches the supervisor on replica B within a second, with the agent’s name', async ({
  browser,
}) => {
  const supervisor = await supervisorOn(browser, replicas.b.url);
  const agent = await agentOn(browser, replicas.a.url);
  await sim.placeCall({ ani: '+14155550100' });
  // The pop's own frame (a hidden warm-up frame of the history site may be there too, as a call rings).
  await expect(agent.getByTitle('Interaction history of +14155550100')).toBeVisible();
  const row = rows(supervisor, '+14155550100');
  await expect(row).toBeVisible({ timeout: 1_000 });
  await expect(row).toContainText('Dana Demo');
  await expect(row).toContainText('shown');
  await Promise.all([agent.context().close(), supervisor.context().close()]);
});

test('an agent session cannot open the stream', async ({ browser }) => {
  const context = await browser.newContext();
  // Without the simulator's supervisor account the view keeps the tab's own session: the demo agent's.
  await context.route('**/api/sim/users', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(new URL('/?mode=supervisor', replicas.a.url).href);
  await expect(page.locator('.feed__state')).toHaveText(
    'feed unavailable: only supervisors see the team feed',
  );
  const response = await page.request.get(new URL('/api/pops/stream', replicas.a.url).href);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: 'forbidden' });
  await context.close();
});

test('with Redis stopped agents keep popping and the feed says degraded, then live again when Redis is back', async ({
  browser,
}) => {
  const supervisor = await supervisorOn(browser, replicas.balanced);
  const agent = await agentOn(browser, replicas.b.url);
  await replicas.redis.stop();
  await expect(supervisor.locator('.feed__state')).toHaveText('degraded: pops from this server only');
  await sim.placeCall({ ani: '+14155550100', userData: { DTMF: '4567' } });
  // The pop's own frame (a hidden warm-up frame of the history site may be there too, as a call rings).
  await expect(agent.getByTitle('Interaction history of +14155550100')).toBeVisible();
  await sim.placeCall({ ani: '+19995550301' });
  await expect(rows(supervisor, '+19995550301')).toContainText('not found');
  await replicas.redis.start();
  await expect(supervisor.locator('.feed__state')).toHaveText('live', { timeout: 10_000 });
  // Shared again: a pop on the other replica reaches this supervisor (the agent moved to A).
  await agent.context().close();
  const agentOnA = await agentOn(browser, replicas.a.url);
  await sim.placeCall({ ani: '+19995550302' });
  await expect(rows(supervisor, '+19995550302')).toHaveCount(1);
  await Promise.all([agentOnA.context().close(), supervisor.context().close()]);
});

test('the supervisor’s stream moves to A when B stops, and misses nothing, each pop once', async ({
  browser,
}) => {
  const supervisor = await supervisorOn(browser, replicas.balanced);
  const agent = await agentOn(browser, replicas.a.url);
  await sim.placeCall({ ani: '+19995550401' });
  await expect(rows(supervisor, '+19995550401')).toHaveCount(1);
  const stopping = replicas.b.stop();
  // Pops while the supervisor's browser reconnects.
  await sim.placeCall({ ani: '+19995550402' });
  await sim.placeCall({ ani: '+19995550403' });
  await stopping;
  for (const caller of ['+19995550401', '+19995550402', '+19995550403']) {
    await expect(rows(supervisor, caller)).toHaveCount(1, { timeout: 15_000 });
  }
  await expect(supervisor.locator('.feed__state')).toHaveText('live');
  await supervisor.waitForTimeout(500);
  for (const caller of ['+19995550401', '+19995550402', '+19995550403']) {
    await expect(rows(supervisor, caller)).toHaveCount(1);
  }
  await Promise.all([agent.context().close(), supervisor.context().close()]);
});
