// The diagnostics view in the simulated WWE with PROXY_AUTH=jwt (Genesys Multicloud's topology): the
// desktop's token, its shape and the proxy's verdict on it (the claims it carried, by name; the roles
// claim; the issuer and audience the proxy expects), and nothing of the token in the report.
import { expect, test } from './fixtures/server';
import { openDesktop } from './fixtures/wwe-desktop';

test.use({ serverEnv: { PROXY_AUTH: 'jwt', ADMIN_ROLES: 'ROLE_AGENT' } });

test('auth.getJwtToken: the shape WWE answers, the proxy verified it, the report holds no token', async ({
  page,
  server,
}) => {
  const view = await openDesktop(page, server, { view: 'diagnostics' });
  const jwt = view
    .getByRole('region', { name: 'Workspace Web Edition' })
    .getByRole('listitem')
    .filter({ hasText: 'auth.getJwtToken' });
  await expect(jwt).toContainText('holds');
  await expect(jwt).toContainText(/a token of \d+ characters, expiration given/);
  await expect(jwt).toContainText(/the proxy verified it: claims .*\bsub\b.*; roles from roles: ROLE_AGENT/);
  await expect(jwt).toContainText(/the proxy expects issuer \S+\/auth, audience uniphore-history-widget/);
  const report = await view.getByRole('textbox', { name: 'Report' }).inputValue();
  expect(report).toContain('auth.getJwtToken');
  // A JWT's header and payload start with "eyJ" (base64url of '{"'): none in the report.
  expect(report).not.toMatch(/eyJ[\w-]{8,}/);
});
