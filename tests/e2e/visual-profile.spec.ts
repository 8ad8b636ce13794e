import { expect, test } from '@playwright/test';
import { codeAtNow, personPage, resetWorld, signInAt, snap } from './visual-helpers';

/**
 * Visual baseline, part 1: sign-in and My profile → Security, Adam from MFA off to on, with every
 * step of the setup and the dialogs of the MFA card. See visual-helpers.ts.
 */
const KEY = /^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/;

test.beforeEach(async ({ request }) => {
  await resetWorld(request);
});
test.afterAll(async ({ request }) => {
  await resetWorld(request, undefined); // the wall clock again for the other specs
});

test('sign-in, and My profile → Security with MFA off, its setup, and MFA on', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await personPage(browser);
  await page.goto('/sign-in');
  await snap(page, 'sign-in', { ready: (p) => p.getByRole('heading', { name: 'Sign in' }) });

  await signInAt(page, 'adam');
  await expect(page).toHaveURL(/\/profile\/security$/);
  const setUp = page.getByRole('button', { name: 'Set up application' });
  await snap(page, 'profile-mfa-off', { fullPage: true, ready: () => setUp });

  await page.getByRole('button', { name: /user menu for/i }).click();
  await snap(page, 'user-menu', {
    ready: (p) => p.getByRole('menuitem', { name: 'Sign out' }),
  });
  await page.keyboard.press('Escape');

  await setUp.click();
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await snap(page, 'setup-1-choose-app', { ready: () => setup.getByRole('radio').first() });
  await setup.getByRole('button', { name: 'Continue' }).click();
  const secrets = () => [setup.getByRole('img', { name: /QR code/ }), setup.getByText(KEY)];
  await snap(page, 'setup-2-scan', { mask: secrets, ready: () => setup.getByText(/Scan/).first() });
  const cantScan = setup.getByRole('button', { name: "Can't scan it?" });
  // Back at 1280 px the step re-renders for a wide screen when the media query's change event has
  // been handled: wait for that (the wide step's "Can't scan it?", or the key already shown).
  await expect(cantScan.or(setup.getByText(KEY))).toBeVisible();
  if (await cantScan.isVisible()) await cantScan.click();
  const key = ((await setup.getByText(KEY).textContent()) ?? '').replace(/ /g, '');
  await setup.getByRole('button', { name: 'Continue' }).click();
  const code = setup.getByLabel('6-digit code');
  await snap(page, 'setup-3-verify', { ready: () => code });
  await code.fill(codeAtNow(key));
  await setup.getByRole('button', { name: 'Verify & save' }).click();
  const saved = setup.getByRole('checkbox', { name: 'I have saved my recovery codes' });
  const codes = () => [setup.getByRole('list', { name: /recovery codes/i })];
  await snap(page, 'setup-4-recovery-codes', { mask: codes, ready: () => saved });
  await saved.check();
  await setup.getByRole('button', { name: 'Continue' }).click();
  const done = setup.getByRole('button', { name: 'Done' });
  await snap(page, 'setup-5-done', { ready: () => done });
  await done.click();
  await expect(setup).toBeHidden();

  await page.reload(); // the pre-rendered page, hydrated, as a person coming back sees it
  const regenerate = page.getByRole('button', { name: 'Regenerate recovery codes' });
  await snap(page, 'profile-mfa-on', { fullPage: true, ready: () => regenerate });

  await regenerate.click();
  const regen = page.getByRole('dialog', { name: 'Regenerate recovery codes' });
  await snap(page, 'regenerate-dialog', { ready: () => regen.getByRole('textbox').first() });
  await page.keyboard.press('Escape');
  await expect(regen).toBeHidden();

  await page.getByRole('button', { name: 'Remove authenticator' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove authenticator' });
  await snap(page, 'remove-dialog', { ready: () => remove.getByRole('textbox').first() });

  // The one notification: it closes after 4 s unless the pointer is on it.
  await remove.getByLabel('6-digit code').fill(codeAtNow(key, 1));
  await remove.getByRole('button', { name: 'Remove authenticator' }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Authenticator removed' });
  await toast.hover();
  await snap(page, 'notification', { hover: () => toast, ready: () => setUp });
  await page.context().close();
});
