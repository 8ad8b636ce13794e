import { expect, test } from '@playwright/test';
import { expectAccessible, openUserMenu, resetMock, signIn } from './helpers';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

test('Olivia signs in with her code and reaches My profile and Settings from the user menu', async ({
  page,
}) => {
  await expectAccessible(page, 'sign-in');
  await signIn(page, 'olivia');
  await expect(page).toHaveURL(/\/profile\/security$/);
  await expectAccessible(page, 'profile');

  await openUserMenu(page);
  await expect(page.getByRole('menuitem', { name: 'My profile' })).toBeVisible();
  await expectAccessible(page, 'user menu');
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/settings\/security$/);
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Security' })
    .click();
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expectAccessible(page, 'org settings');

  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(page).toHaveURL(/\/profile\/security$/);
});

test('the mock keeps its state across a reload, and the session too', async ({ page }) => {
  await signIn(page, 'adam');
  await page.reload();
  await expect(page.getByRole('button', { name: /user menu for adam admin/i })).toBeVisible();
});

test('signing out returns to sign-in and protects the pages', async ({ page }) => {
  await signIn(page, 'mia');
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  // A deliberate sign-out is not an expired session, and keeps no page to return to.
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText(/your session has ended/i)).toBeHidden();
  await page.goto('/orgs/acme/settings/security');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity/);
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('sign-in, profile and settings pass axe in the dark scheme', async ({ page }) => {
    await expectAccessible(page, 'dark sign-in');
    await signIn(page, 'adam');
    await expectAccessible(page, 'dark profile');
    await page.goto('/orgs/acme/settings/security');
    await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
    await expectAccessible(page, 'dark org settings');
  });
});

test.describe('375 px wide', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the user menu and navigation work on a phone', async ({ page }) => {
    await signIn(page, 'mia');
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/orgs\/acme\/settings\/security$/);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Security' })
      .first()
      .click();
    await expect(page).toHaveURL(/\/profile\/security$/);
    await expectAccessible(page, 'phone profile');
  });
});

test('the user menu works by keyboard alone', async ({ page }) => {
  await signIn(page, 'adam');
  await page.getByRole('button', { name: /user menu for adam admin/i }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'My profile' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orgs\/acme\/settings\/security$/);
  await page.getByRole('button', { name: /switch organization/i }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: /acme corp/i })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: /acme corp/i })).toBeHidden();
});
