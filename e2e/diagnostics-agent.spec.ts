// The diagnostics view for an agent without one of ADMIN_ROLES (the default ROLE_ADMIN): the widget's
// checks and the proxy's verdict on its own credentials, not the proxy's view of the deployment.
import type { FrameLocator } from '@playwright/test';
import { expect, test } from './fixtures/server';
import { openDesktop } from './fixtures/wwe-desktop';

const item = (view: FrameLocator, area: string, title: string) =>
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
