import { expect, test, type Page } from '@playwright/test';
import {
  expectAccessible,
  openUserMenu,
  resetMock,
  signIn,
  completeAuthenticatorSetup,
} from './helpers';

const ACME = '/orgs/acme/settings/security';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Olivia turns "MFA required" on in Acme Corp from Settings → Security. */
async function oliviaEnables(page: Page, { remind }: { remind: boolean }) {
  await signIn(page, 'olivia');
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page).toHaveURL(new RegExp(`${ACME}$`));
  const toggle = page.getByRole('switch', { name: 'Enable' });
  await expect(toggle).not.toBeChecked();
  await toggle.click({ force: true }); // the input sits under Mantine's track
  const dialog = page.getByRole('dialog', { name: 'Require MFA for Acme Corp?' });
  await expect(dialog.getByText('19 of 48 users')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Users without MFA by role' })).toContainText(
    '18 members',
  );
  const checkbox = dialog.getByRole('checkbox', { name: /Remind them now/ });
  if (!remind) await checkbox.uncheck();
  return { dialog, toggle };
}

test('Adam Admin, without MFA, sees the switch disabled and why', async ({ page }) => {
  await signIn(page, 'adam');
  await page.goto(ACME);
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Enable' })).toBeDisabled();
  await expect(page.getByText(/Set up MFA for your own account first/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'My profile → Security' })).toHaveAttribute(
    'href',
    '/profile/security?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity',
  );
  await expectAccessible(page, 'adam: switch disabled');
});

test('Olivia enables enforcement after the impact count; Mia is blocked in Acme and Globex; Olivia turns it off', async ({
  page,
}) => {
  test.slow(); // four sign-ins and seven axe runs over a 25-row member table
  const { dialog, toggle } = await oliviaEnables(page, { remind: true });
  await expectAccessible(page, 'olivia: impact confirmation');
  await dialog.getByRole('button', { name: 'Require MFA' }).click();
  await expect(page.getByText('MFA is now required in Acme Corp')).toBeVisible();
  await expect(page.getByText('Reminders sent to 19 people.')).toBeVisible();
  await expect(toggle).toBeChecked();
  await expect(
    page.getByRole('cell', { name: 'Olivia Owner turned on "MFA required"' }),
  ).toBeVisible();
  await expectAccessible(page, 'olivia: enforced');
  await signOut(page);

  await signIn(page, 'mia');
  await page.goto(ACME);
  const blocked = page.getByRole('region', { name: 'Access denied' });
  await expect(blocked.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(blocked.getByRole('listitem')).toHaveCount(1);
  await expect(blocked.getByText('Multi-factor authentication (MFA)')).toBeVisible();
  await expect(blocked.getByRole('link', { name: 'Set up MFA' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'MFA required' })).toHaveCount(0);
  await expectAccessible(page, 'mia: blocked in acme');

  // The organization switcher still works from the blocked page.
  await page.getByRole('button', { name: /Switch organization/ }).click();
  await page.getByRole('menuitem', { name: /Globex/ }).click();
  await expect(page).toHaveURL(/\/orgs\/globex\/settings\/security$/);
  await expect(blocked.getByRole('listitem')).toHaveCount(2);
  await expect(blocked.getByText('Multi-factor authentication (MFA)')).toBeVisible();
  await expect(blocked.getByText('Single sign-on (SSO), provider: acme')).toBeVisible();
  await expect(blocked.getByRole('button', { name: 'Sign in with acme' })).toBeVisible();
  await expectAccessible(page, 'mia: blocked in globex');
  await signOut(page);

  await signIn(page, 'olivia');
  await page.goto(ACME);
  await page.getByRole('switch', { name: 'Enable' }).click({ force: true });
  const off = page.getByRole('dialog', { name: 'Stop requiring MFA for Acme Corp?' });
  await expectAccessible(page, 'olivia: turn-off confirmation');
  await off.getByRole('button', { name: 'Stop requiring MFA' }).click();
  await expect(page.getByText('MFA is no longer required in Acme Corp')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
  await expectAccessible(page, 'olivia: enforcement off');
  await signOut(page);

  await signIn(page, 'mia');
  await page.goto(ACME);
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expect(page.getByText('Only owners and admins can change this.')).toBeVisible();
  await expectAccessible(page, 'mia: acme open again, read-only');
});

test('Mia sets up MFA from the blocked page and lands back in Acme Corp', async ({ page }) => {
  test.slow();
  const { dialog } = await oliviaEnables(page, { remind: false });
  await dialog.getByRole('button', { name: 'Require MFA' }).click();
  await expect(page.getByText('MFA is now required in Acme Corp')).toBeVisible();
  await signOut(page);

  await signIn(page, 'mia');
  await page.goto(ACME);
  await page.getByRole('link', { name: 'Set up MFA' }).click();
  await expect(page).toHaveURL(
    /\/profile\/security\?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity/,
  );
  await page.getByRole('button', { name: 'Set up application' }).click();
  await completeAuthenticatorSetup(page);

  await expect(page).toHaveURL(new RegExp(`${ACME}$`));
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Enable' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Access denied' })).toHaveCount(0);
  await expectAccessible(page, 'mia: back in acme with MFA');
});
