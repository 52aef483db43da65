// The GWS session as a real GWS runs it: Basic credentials, the JSESSIONID cookie, sessions that expire.
import { expect, test } from './fixtures/server';

test.use({ serverEnv: { SIMULATOR_REQUIRE_LOGIN: 'true' } });

test('the agent signs in when GWS asks for credentials, and pops calls afterwards', async ({ page, sim }) => {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in to Genesys' });
  await form.getByLabel('User name').fill('demo');
  await form.getByLabel('Password').fill('wrong');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toHaveText('User name or password is wrong.');
  await form.getByLabel('Password').fill('demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
});

test('a dropped GWS session brings the sign-in form back; signing in again resumes', async ({
  page,
  sim,
}) => {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in to Genesys' });
  await form.getByLabel('User name').fill('demo');
  await form.getByLabel('Password').fill('demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  await sim.dropSessions();
  await expect(form).toBeVisible();
  await form.getByLabel('User name').fill('demo');
  await form.getByLabel('Password').fill('demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^connected$/ })).toBeVisible();
  await sim.placeCall({ ani: '+14155550100' });
  await expect(page.getByRole('article', { name: 'Call from +14155550100' }).locator('iframe')).toBeVisible();
});

test('signing out ends the contact-center session and the notification channel', async ({ page }) => {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in to Genesys' });
  await form.getByLabel('User name').fill('demo');
  await form.getByLabel('Password').fill('demo');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^signed out$/ })).toBeVisible();
  await expect(form).toBeVisible();
});

test('embedded without a GWS session says so instead of waiting for calls', async ({ page }) => {
  await page.goto('/?mode=embedded');
  await expect(page.getByRole('alert')).toHaveText(/Not signed in to Genesys/);
  await expect(page.getByRole('form', { name: 'Sign in to Genesys' })).toHaveCount(0);
});
