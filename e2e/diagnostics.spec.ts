// The diagnostics view inside the simulated WWE desktop (its web-content panel holds
// ?mode=diagnostics&host=wwe), as an administrator meets it at a first deployment: the checklist of
// WWE's, GWS's and the proxy's assumptions, a desktop that breaks one (and the view says which), the
// proxy's checks for admins only, a capture, and a report with no caller number, value, token or cookie.
import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, type SimControl, test } from './fixtures/server';
import { openDesktop, requests } from './fixtures/wwe-desktop';

const CALLER = '+14155550180';

async function callWithUcsHistory(sim: SimControl, ani: string, ucsInteractionId: string) {
  await sim.addRecord('historySearchId', ucsInteractionId);
  return sim.placeCall({ ani, ucsInteractionId, userData: { AccountNumber: '99887766' } });
}

const item = (view: FrameLocator, area: string, title: string) =>
  view.getByRole('region', { name: area }).getByRole('listitem').filter({ hasText: title });
const report = (view: FrameLocator) => view.getByRole('textbox', { name: 'Report' });

async function openDiagnostics(page: Page, server: Parameters<typeof openDesktop>[1], options = {}) {
  const view = await openDesktop(page, server, { view: 'diagnostics', ...options });
  await expect(view.getByRole('heading', { name: 'Diagnostics', level: 1 })).toBeVisible();
  return view;
}

// The demo agent is the administrator here: ADMIN_ROLES takes its role.
test.use({ serverEnv: { ADMIN_ROLES: 'ROLE_AGENT' } });

test.describe('an administrator', () => {
  test('a call through WWE: every assumption it touches holds, with its evidence; the report says nothing personal', async ({
    page,
    server,
    sim,
  }) => {
    const view = await openDiagnostics(page, server);
    await expect.poll(() => requests(page)).toContain('subscribe');
    await expect(item(view, 'GWS', 'CometD handshake and long-poll')).toContainText('holds');
    await expect(item(view, 'GWS', 'CometD handshake and long-poll')).toContainText(
      'on /api/v2/notifications',
    );
    await expect(item(view, 'GWS', 'Subscription to /v2/me/* acknowledged')).toContainText('holds');
    await expect(item(view, 'Workspace Web Edition', 'Framed by the desktop')).toContainText('holds');
    await expect(item(view, 'Proxy', 'accepts this widget')).toContainText('PROXY_AUTH=gws');
    await expect(item(view, 'Proxy', 'Uniphore answers the proxy')).toContainText('holds');
    await expect(item(view, 'Proxy', 'may be framed here')).toContainText('holds');

    await callWithUcsHistory(sim, CALLER, 'UCSDIAG000000001');
    await expect(view.getByRole('region', { name: 'Pops seen' })).toContainText('found by History search ID');
    await expect(item(view, 'Workspace Web Edition', 'under data')).toContainText('holds');
    await expect(item(view, 'Workspace Web Edition', 'interaction events')).toContainText(
      'of the expected shape',
    );
    await expect(item(view, 'Workspace Web Edition', 'Voice interactions carry callUuid')).toContainText(
      '1 of 1',
    );
    await expect(item(view, 'Workspace Web Edition', 'FindPhoneCall takes callUuid')).toContainText('holds');
    await expect(item(view, 'GWS', 'createInteractionResponse arrives')).toContainText(
      /on \/v2\/me\/\S+, \d+ ms/,
    );

    // The test lookup: an admin types a caller attribute and value; the answer names neither.
    const lookup = view.getByRole('form', { name: 'Test a lookup (administrators)' });
    await lookup.getByLabel('Caller attribute').selectOption('callReturn');
    await lookup.getByLabel('Value').fill('+14155550100');
    await lookup.getByRole('button', { name: 'Look up' }).click();
    await expect(item(view, 'Proxy', 'Test lookup')).toContainText(/found: HTTP 200, \d+ ms \(rest\)/);

    await expect(report(view)).toHaveValue(
      /\[✓\] Workspace Web Edition · Answers carry their result under data/,
    );
    const text = await report(view).inputValue();
    for (const secret of [
      '14155550180',
      '4155550180',
      '5550180',
      '99887766',
      '14155550100',
      'JSESSIONID',
      'eyJ',
    ]) {
      expect(text).not.toContain(secret);
    }
    // No run of four digits of the caller's number survives anywhere.
    for (let i = 0; i + 4 <= 11; i++) expect(text).not.toContain('14155550180'.slice(i, i + 4));
    if (process.env.UPDATE_SCREENSHOTS)
      await page.screenshot({ path: 'e2e/screenshots/diagnostics-wwe.png' });
  });

  test('a capture: recorded while a call pops, redacted when it stops, and accepted by the simulator for replay', async ({
    page,
    server,
    sim,
  }) => {
    // Recording from the moment the view opens: the session's opening exchange is in the capture.
    const view = await openDiagnostics(page, server);
    await expect(view.getByRole('status').filter({ hasText: /^Recording/ })).toBeVisible();
    await callWithUcsHistory(sim, CALLER, 'UCSDIAG000000002');
    await expect(view.getByRole('region', { name: 'Pops seen' })).toContainText('found');
    await view.getByRole('button', { name: 'Stop and redact' }).click();
    const download = view.getByRole('link', { name: 'Download capture' });
    await expect(download).toBeVisible();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const capture = await readFile(await file.path(), 'utf8');
    const parsed = JSON.parse(capture) as { format: string; entries: { via: string; dir: string }[] };
    expect(parsed.format).toBe('uhw-capture');
    const vias = new Set(parsed.entries.map((entry) => `${entry.via}:${entry.dir}`));
    for (const via of ['scapi:in', 'scapi:out', 'cometd:in', 'ucs:out', 'ucs:in', 'pop:out'])
      expect(vias).toContain(via);
    for (const secret of ['14155550180', '99887766', 'JSESSIONID']) expect(capture).not.toContain(secret);
    // What a real site's capture would be used for: the simulator takes it as a replay.
    const uploaded = await sim.call<{ id: string }>('POST', '/captures', parsed);
    expect(uploaded.id).toMatch(/^cap-[0-9a-f]{12}$/);
  });
});

test.describe('a desktop that breaks an assumption, and the view says which', () => {
  test('answers without data (assumption 1)', async ({ page, server }) => {
    const view = await openDiagnostics(page, server, { violate: 'no-data' });
    const data = item(view, 'Workspace Web Edition', 'under data');
    await expect(data).toContainText('fails');
    await expect(data).toContainText(/interaction\.getInteractions: keys /);
    await expect(report(view)).toHaveValue(
      /\[✗\] Workspace Web Edition · Answers carry their result under data/,
    );
  });

  test('events wrapped differently (assumption 2)', async ({ page, server, sim }) => {
    const view = await openDiagnostics(page, server, { violate: 'wrapped-events' });
    // The desktop tells its events to subscribers only.
    await expect.poll(() => requests(page)).toContain('subscribe');
    await sim.placeCall({ ani: CALLER });
    const events = item(view, 'Workspace Web Edition', 'interaction events');
    await expect(events).toContainText('fails');
    await expect(events).toContainText('interaction: keys eventType, payload');
    await expect(report(view)).toHaveValue(/\[✗\] Workspace Web Edition · interaction events/);
  });

  test('interactions without callUuid (assumption 6)', async ({ page, server, sim }) => {
    const view = await openDiagnostics(page, server, { violate: 'no-calluuid' });
    await expect.poll(() => requests(page)).toContain('subscribe');
    await sim.placeCall({ ani: CALLER });
    const voice = item(view, 'Workspace Web Edition', 'Voice interactions carry callUuid');
    await expect(voice).toContainText('fails');
    await expect(voice).toContainText('0 of 1 with callUuid');
  });
});
