// The diagnostics view for an agent without one of ADMIN_ROLES (the default ROLE_ADMIN): the widget's
// checks and the proxy's verdict on its own credentials, not the proxy's view of the deployment.
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expectLocale } from './fixtures/locale';
import { expect, test } from './fixtures/server';
import { openDesktop } from './fixtures/wwe-desktop';

const item = (view: FrameLocator | Page | Locator, area: string, title: string) =>
  view.getByRole('region', { name: area }).getByRole('listitem').filter({ hasText: title });

test.describe('an agent without an admin role', () => {
  test('sees the widget-side checks and its own credentials, not the proxy’s view or the test lookup', async ({
    page,
    server,
  }) => {
    const view = await openDesktop(page, server, { view: 'diagnostics' });
    await expect(view.getByRole('heading', { name: 'Diagnostics', level: 1 })).toBeVisible();
    await expect(item(view, 'Proxy', 'accepts this widget')).toContainText('roles: ROLE_AGENT');
    await expect(item(view, 'Proxy', 'Uniphore answers the proxy')).toContainText(
      "needs one of the proxy's ADMIN_ROLES",
    );
    await expect(view.getByRole('form', { name: 'Test a lookup (administrators)' })).toHaveCount(0);
    // With the agent's own session (the page's cookies), the proxy itself refuses: not an admin.
    const direct = await page.request.get(new URL('/api/diagnostics/lookup/dtmf/1234', server.url).href);
    expect(direct.status()).toBe(403);
  });
});

test('standalone (no desktop): the GWS and proxy checks, no WWE section; in the pseudo-locale every text is translated', async ({
  page,
}) => {
  await page.goto('/?mode=diagnostics');
  await expect(page).toHaveTitle('Diagnostics');
  await expect(item(page, 'GWS', 'CometD handshake and long-poll')).toContainText('holds');
  await expect(page.getByRole('region', { name: 'Workspace Web Edition' })).toHaveCount(0);
  await page.goto('/?mode=diagnostics&lang=pseudo');
  await expect(page.locator('.diag__check[data-check="gws.handshake"][data-status="pass"]')).toBeVisible();
  await expectLocale(page, { lang: 'pseudo', html: 'en-XA', dir: 'ltr' });
});
