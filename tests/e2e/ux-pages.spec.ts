import { expect, test, type Page } from '@playwright/test';
import {
  expectAccessible,
  openUserMenu,
  resetMock,
  signIn,
  completeAuthenticatorSetup,
} from './helpers';

/** Issue 16, points 6, 8 and 9: setup on a phone, names and titles, back where one was blocked. */
const ACME = '/orgs/acme/settings/security';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test('on a phone, setup offers "Open in authenticator app" and shows the key at once', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await resetMock(page);
  await signIn(page, 'adam');
  await page.goto('/profile/security');
  await page.getByRole('button', { name: 'Set up application' }).click();
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await expect(setup.getByRole('button', { name: /Step 1: Choose app/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  // The app's steps say what this phone will do: tap the link, not scan its own screen.
  await expect(setup.getByText(/tap “Open in authenticator app”/)).toBeVisible();
  await expect(setup.getByText(/Scan the QR code/)).toHaveCount(0);
  await setup.getByRole('button', { name: 'Continue' }).click();
  await expect(setup.getByRole('button', { name: /Step 2: Scan/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  const open = setup.getByRole('link', { name: 'Open in authenticator app' });
  await expect(open).toBeVisible();
  expect(await open.getAttribute('href')).toMatch(
    /^otpauth:\/\/totp\/Nimbus:adam%40example\.com\?/,
  );
  // The key, without an extra click; the QR code is behind a button (for another device).
  await expect(setup.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/)).toBeVisible();
  await expect(setup.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots-i16/setup-phone.png' });
  await expectAccessible(page, 'setup on a phone');
  await setup.getByRole('button', { name: /Show the QR code/ }).click();
  await expect(setup.getByRole('img', { name: /QR code/ })).toBeVisible();
  await context.close();
});

test('on a wide screen the QR code comes first', async ({ page }) => {
  await signIn(page, 'adam');
  await page.goto('/profile/security');
  await page.getByRole('button', { name: 'Set up application' }).click();
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await setup.getByRole('button', { name: 'Continue' }).click();
  await expect(setup.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(setup.getByRole('link', { name: 'Open in authenticator app' })).toHaveCount(0);
});

test('each page has its own title; the narrow user menu is named with its initials', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expect(page).toHaveTitle('Sign in · Nimbus');
  await signIn(page, 'olivia');
  await page.goto('/profile/security');
  await expect(page).toHaveTitle('Security · My profile · Nimbus');
  await page.goto(ACME);
  await expect(page).toHaveTitle('Security · Acme Corp · Nimbus');
  await page.setViewportSize({ width: 375, height: 812 });
  const menu = page.getByRole('button', { name: /user menu for Olivia Owner/i });
  await expect(menu).toBeVisible();
  expect(await menu.innerText()).toBe('OO');
  await expect(menu).toHaveAccessibleName(/^OO\b/);
  // Sort buttons say their column and direction.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('button', { name: 'Person, sorted ascending' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Role, not sorted' })).toBeVisible();
});

test('axe: no serious or critical issue on hovered and focused buttons, light and dark', async ({
  page,
}) => {
  test.slow(); // eight axe scans
  await signIn(page, 'olivia');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/profile/security');
    const remove = page.getByRole('button', { name: 'Remove authenticator' });
    await remove.hover();
    await expectAccessible(page, `${scheme}: Remove authenticator hovered`);
    await remove.focus();
    await expectAccessible(page, `${scheme}: Remove authenticator focused`);
    await page.goto(`${ACME}?mfa=disabled`);
    await page.getByRole('checkbox', { name: 'Select Mia Member' }).check();
    const remind = page.getByRole('button', { name: 'Remind (1)' });
    await remind.hover();
    await expectAccessible(page, `${scheme}: Remind hovered`);
    await remind.focus();
    await expectAccessible(page, `${scheme}: Remind focused`);
  }
});

test('after setup, a member who came from a blocked page is told access is restored', async ({
  page,
}) => {
  test.slow();
  await signIn(page, 'olivia');
  await page.goto(ACME);
  await page.getByRole('switch', { name: 'Enable' }).click({ force: true });
  const dialog = page.getByRole('dialog', { name: 'Require MFA for Acme Corp?' });
  await dialog.getByRole('checkbox', { name: /Remind them now/ }).uncheck();
  await dialog.getByRole('button', { name: 'Require MFA' }).click();
  await expect(page.getByText('MFA is now required in Acme Corp')).toBeVisible();
  await signOut(page);

  await signIn(page, 'adam');
  await page.goto(ACME);
  await page.getByRole('link', { name: 'Set up MFA' }).click();
  await page.getByRole('button', { name: 'Set up application' }).click();
  await completeAuthenticatorSetup(page);
  await expect(page).toHaveURL(new RegExp(`${ACME}$`));
  const restored = page.getByRole('status').filter({ hasText: 'Access restored' });
  await expect(restored).toBeVisible();
  await expect(restored).toBeFocused();
  await expect(page.getByRole('region', { name: 'Access denied' })).toHaveCount(0);
  await expectAccessible(page, 'access restored');
});

test('after setup, what is still missing is said (Globex also needs SSO)', async ({ page }) => {
  test.slow();
  await signIn(page, 'mia');
  await page.goto('/orgs/globex/settings/security');
  await page.getByRole('link', { name: 'Set up MFA' }).click();
  await page.getByRole('button', { name: 'Set up application' }).click();
  await completeAuthenticatorSetup(page);
  await expect(page).toHaveURL(/\/orgs\/globex\/settings\/security$/);
  const notice = page.getByRole('status').filter({ hasText: 'MFA is set up' });
  await expect(notice).toContainText('Single sign-on (SSO), provider: acme');
  await expect(notice).toBeFocused();
});
