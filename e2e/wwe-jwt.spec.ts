// The real widget inside the simulated WWE desktop, with the proxy in PROXY_AUTH=jwt (Genesys
// Multicloud's topology): lookups carry the JWT WWE hands out (auth.getJwtToken), or are refused.
import { expect, test } from './fixtures/server';
import { openDesktop, requests } from './fixtures/wwe-desktop';

test.use({ serverEnv: { PROXY_AUTH: 'jwt' } });

test('lookups carry the desktop’s JWT and work; without it they are refused', async ({
  page,
  server,
  sim,
}) => {
  const record = await sim.addRecord('callReturn', '+14155550176');
  const widget = await openDesktop(page, server);
  await expect(widget.getByRole('main')).toBeVisible();
  await sim.placeCall({ ani: '+14155550176' });
  const pop = (frame: typeof widget, ani: string) => frame.getByRole('article', { name: `Call from ${ani}` });
  await expect(pop(widget, '+14155550176').locator('iframe')).toHaveAttribute(
    'src',
    new RegExp(record.uniqueId),
  );
  expect(await requests(page)).toContain('auth.getJwtToken');

  const denied = await openDesktop(page, server, { deny: 'auth.getJwtToken' });
  await expect(denied.getByRole('main')).toBeVisible();
  await sim.placeCall({ ani: '+14155550177' });
  await expect(pop(denied, '+14155550177').getByRole('alert')).toContainText('Your session has expired');
  const direct = await fetch(new URL('/api/uniphore/unique-id/callReturn/%2B14155550176', server.url));
  expect(direct.status).toBe(401);
});
