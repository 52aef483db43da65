// The widget inside an agent desktop: a host page on another origin frames `/?mode=embedded` and
// hands calls over by postMessage. The host pages are served by Playwright routing on made-up origins.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/server';

const HOST = 'http://desktop.test';
const EVIL = 'http://evil.test';

test.use({ serverEnv: { FRAME_ANCESTORS: `'self' ${HOST}` } });

async function openHost(page: Page, widgetUrl: string) {
  const widgetOrigin = new URL(widgetUrl).origin;
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Agent desktop</title>
        <main><h1>Agent desktop</h1>
        <iframe id="widget" title="Interaction history widget" style="width:360px;height:720px"
          src="${widgetOrigin}/?mode=embedded"></iframe></main>
        <script>
          window.received = [];
          addEventListener('message', (e) => { if (e.origin === '${widgetOrigin}') window.received.push(e.data); });
          window.send = (message) => document.getElementById('widget').contentWindow.postMessage(message, '${widgetOrigin}');
          window.addEvil = () => { const f = document.createElement('iframe'); f.src = '${EVIL}/'; document.body.append(f); };
        </script></html>`,
    }),
  );
  await page.route(`${EVIL}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>evil</title><p id="done">posted</p><script>
        parent.frames[0].postMessage({ type: 'uhw:call', call: { id: 'EVIL-1', ani: '+10000000666' } }, '*');
      </script>`,
    }),
  );
  await page.goto(`${HOST}/`);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { received: { type: string }[] }).received.map((m) => m.type),
      ),
    )
    .toContain('uhw:ready');
  return page.frameLocator('#widget');
}

const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Record<string, unknown>[] }).received);

test('a call handed over by the host page pops, and the host is told', async ({ page, server, sim }) => {
  const record = await sim.addRecord('callReturn', '+14155550150');
  const widget = await openHost(page, server.url);
  await send(page, { type: 'uhw:call', call: { id: 'HOST-1', ani: '+14155550150', type: 'Inbound' } });
  const pop = widget.getByRole('article', { name: 'Call from +14155550150' });
  await expect(pop.locator('iframe')).toHaveAttribute('src', new RegExp(record.uniqueId));
  await expect
    .poll(() => received(page))
    .toContainEqual(
      expect.objectContaining({ type: 'uhw:popped', callId: 'HOST-1', uniqueId: record.uniqueId }),
    );
});

test('messages from another origin or a malformed shape are ignored', async ({ page, server, sim }) => {
  await sim.addRecord('callReturn', '+14155550151');
  const widget = await openHost(page, server.url);
  await page.evaluate(() => (window as unknown as { addEvil(): void }).addEvil());
  await expect(page.frameLocator(`iframe[src="${EVIL}/"]`).locator('#done')).toHaveText('posted');
  await send(page, { type: 'uhw:call', call: { ani: '+10000000667' } });
  await send(page, { type: 'uhw:call', call: { id: 'HOST-2', ani: '+14155550151' } });
  await expect(widget.getByRole('article', { name: 'Call from +14155550151' })).toBeVisible();
  await expect(widget.getByText('+10000000666')).toHaveCount(0);
  await expect(widget.getByText('+10000000667')).toHaveCount(0);
});

test('two simultaneous calls give two tabs, the newest active', async ({ page, server, sim }) => {
  await sim.addRecord('callReturn', '+14155550152');
  await sim.addRecord('callReturn', '+14155550153');
  const widget = await openHost(page, server.url);
  await send(page, { type: 'uhw:call', call: { id: 'HOST-3', ani: '+14155550152' } });
  await expect(widget.getByRole('article', { name: 'Call from +14155550152' })).toBeVisible();
  await send(page, { type: 'uhw:call', call: { id: 'HOST-4', ani: '+14155550153', type: 'Consult' } });
  const tabs = widget.getByRole('tablist', { name: 'Calls' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(widget.getByRole('tab', { name: '+14155550153' })).toHaveAttribute('aria-selected', 'true');
  await widget.getByRole('tab', { name: '+14155550152' }).click();
  await expect(widget.getByRole('article', { name: 'Call from +14155550152' })).toBeVisible();
});

test('a history page that refuses framing falls back to the link', async ({ page, server, sim }) => {
  const record = await sim.addRecord('callReturn', '+14155550154');
  await sim.faults({ history: { frameable: false } });
  const widget = await openHost(page, server.url);
  await send(page, { type: 'uhw:call', call: { id: 'HOST-5', ani: '+14155550154' } });
  const pop = widget.getByRole('article', { name: 'Call from +14155550154' });
  await expect(pop.getByRole('status').filter({ hasText: 'does not allow being shown here' })).toBeVisible();
  await expect(pop.getByRole('link', { name: 'Open in new tab' })).toHaveAttribute(
    'href',
    new RegExp(record.uniqueId),
  );
  await expect(pop.locator('iframe')).toHaveCount(0);
});
