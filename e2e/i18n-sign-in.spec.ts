// The pseudo-locale before the agent is signed in (a simulated GWS that asks for credentials): the
// sign-in form and its error, the embedded panel's signed-out notice, and a search the supervisor's form
// refuses, all from the catalogs.
import { expectLocale } from './fixtures/locale';
import { expect, test } from './fixtures/server';

test.use({ serverEnv: { SIMULATOR_REQUIRE_LOGIN: 'true' } });

const PSEUDO = { lang: 'pseudo', html: 'en-XA', dir: 'ltr' } as const;

test('pseudo: sign-in form and error, signed-out panel, refused search', async ({ page, context }) => {
  await page.goto('/?lang=pseudo');
  const form = page.locator('form.sign-in');
  await form.locator('input').first().fill('demo');
  await form.locator('input[type="password"]').fill('wrong');
  await form.getByRole('button').click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectLocale(page, PSEUDO);

  const embedded = await context.newPage();
  await embedded.setViewportSize({ width: 320, height: 640 });
  await embedded.goto('/?mode=embedded&lang=pseudo');
  await expect(embedded.getByRole('alert')).toHaveText(/^\[/);
  await expectLocale(embedded, PSEUDO);

  // Signed in (the session is the browser's), a search the form refuses before asking anything.
  await form.locator('input[type="password"]').fill('demo');
  await form.getByRole('button').click();
  await expect(page.locator('.connection[data-state="connected"]')).toBeVisible();
  const supervisor = await context.newPage();
  await supervisor.goto('/?mode=supervisor&lang=pseudo');
  await supervisor.locator('form.search button[type="submit"]').click();
  await expect(supervisor.locator('.search__problem')).toBeVisible();
  await expectLocale(supervisor, PSEUDO);
});
