import { expect, test, type Page } from '@playwright/test';
import { EMAILS, expectAccessible, openUserMenu, resetMock, signIn, totpCode } from './helpers';

// Passkeys with Chromium's virtual authenticator (CDP WebAuthn): a platform authenticator
// (ctap2, internal transport) with resident keys and user verification, as a laptop's.

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

async function openMyProfile(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(page).toHaveURL(/\/profile\/security/);
}

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function enterPassword(page: Page, email: string) {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const passkeys = (page: Page) => page.getByRole('region', { name: 'Passkeys and security keys' });

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

test('Adam adds a passkey, signs in with password + passkey and with the passkey alone, then removes it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const authenticator = await addVirtualAuthenticator(page);
  await signIn(page, 'adam');
  await openMyProfile(page);
  await expect(passkeys(page).getByText('No passkeys yet.')).toBeVisible();
  await expectAccessible(page, 'passkeys: empty');

  await passkeys(page).getByRole('button', { name: 'Add a passkey' }).click();
  const add = page.getByRole('dialog', { name: 'Add a passkey' });
  await expect(add.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expectAccessible(page, 'add a passkey: choice');
  await add.getByRole('button', { name: 'Continue' }).click();

  // The first method of any kind: MFA is on and the recovery codes are shown once.
  const added = page.getByRole('dialog', { name: 'Passkey added' });
  await expect(
    added.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(added.getByLabel('Name')).toHaveValue(/^Chrome on /);
  await expectAccessible(page, 'passkey added: name and recovery codes');
  await added.getByLabel('Name').fill('Work laptop');
  await added.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await added.getByRole('button', { name: 'Done' }).click();
  await expect(passkeys(page).getByRole('status')).toHaveText(
    'Passkey added: Work laptop. It can now sign you in.',
  );
  await expect(passkeys(page).getByText('Work laptop', { exact: true })).toBeVisible();
  await expect(passkeys(page).getByText(/never used to sign in/)).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);
  await expectAccessible(page, 'passkeys: one');

  // Password, then "Use a passkey" at the second step.
  await signOut(page);
  await enterPassword(page, EMAILS.adam);
  await expect(page.getByRole('button', { name: 'Use a passkey' })).toBeVisible();
  await expect(page.getByLabel('Recovery code')).toBeVisible();
  await expectAccessible(page, 'second step with a passkey');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page.getByRole('button', { name: /user menu for adam admin/i })).toBeVisible();

  // No password at all.
  await signOut(page);
  await expectAccessible(page, 'sign-in page with Sign in with a passkey');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('button', { name: /user menu for adam admin/i })).toBeVisible();

  await openMyProfile(page);
  await expect(passkeys(page).getByText(/last used/)).toBeVisible();
  await passkeys(page).getByRole('button', { name: 'Remove Work laptop' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove passkey' });
  await expect(remove.getByText('This is your last sign-in method')).toBeVisible();
  await expectAccessible(page, 'remove passkey');
  await remove.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(passkeys(page).getByText('No passkeys yet.')).toBeVisible();
  await expect(page.getByText('Not enabled')).toBeVisible();
});

test('at 375 px in dark mode: the passkey list, rename and the add dialog are accessible', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await addVirtualAuthenticator(page);
  await signIn(page, 'olivia');
  await openMyProfile(page);
  await expect(passkeys(page).getByText('No passkeys yet.')).toBeVisible();
  await expectAccessible(page, 'dark 375: empty');
  await passkeys(page).getByRole('button', { name: 'Add a passkey' }).click();
  await expectAccessible(page, 'dark 375: choice');
  await page
    .getByRole('dialog', { name: 'Add a passkey' })
    .getByRole('button', { name: 'Continue' })
    .click();
  // Olivia has the app: no new recovery codes.
  const added = page.getByRole('dialog', { name: 'Passkey added' });
  await expect(added.getByLabel('Name')).toBeVisible();
  await expect(added.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);
  await expectAccessible(page, 'dark 375: added');
  await added.getByRole('button', { name: 'Done' }).click();
  await passkeys(page)
    .getByRole('button', { name: /^Rename Chrome on / })
    .click();
  const rename = page.getByRole('dialog', { name: 'Rename passkey' });
  await rename.getByLabel('Name').fill('x'.repeat(65));
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename.getByText(/at most 64 characters \(this one has 65\)/)).toBeVisible();
  await expectAccessible(page, 'dark 375: rename with an error');
  await rename.getByLabel('Name').fill('Phone');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(passkeys(page).getByText('Phone', { exact: true })).toBeVisible();
  await expectAccessible(page, 'dark 375: list');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > 375);
  expect(overflow).toBe(false);
});

test('an organization that requires phishing-resistant MFA blocks a person with only an app until they add a passkey', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await addVirtualAuthenticator(page);

  // Adam sets up an authenticator app (his only method).
  await signIn(page, 'adam');
  await openMyProfile(page);
  await page.getByRole('button', { name: 'Set up application' }).click();
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByRole('button', { name: "Can't scan it?" }).click();
  const keyText = setup.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  const key = ((await keyText.textContent()) ?? '').replace(/ /g, '');
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByLabel('6-digit code').fill(totpCode(key));
  await setup.getByRole('button', { name: 'Verify & save' }).click();
  await setup.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByRole('button', { name: 'Done' }).click();
  await signOut(page);

  // Olivia adds a passkey and requires phishing-resistant MFA in Acme Corp.
  await signIn(page, 'olivia');
  await openMyProfile(page);
  await passkeys(page).getByRole('button', { name: 'Add a passkey' }).click();
  await page
    .getByRole('dialog', { name: 'Add a passkey' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await page
    .getByRole('dialog', { name: 'Passkey added' })
    .getByRole('button', { name: 'Done' })
    .click();
  await page.goto('/orgs/acme/settings/security');
  await page.getByRole('switch', { name: 'Enable' }).click();
  await page.getByRole('button', { name: 'Require MFA', exact: true }).click();
  const option = page.getByRole('checkbox', {
    name: /Only phishing-resistant methods \(passkeys and security keys\)/,
  });
  await option.click();
  const confirm = page.getByRole('dialog', { name: 'Require passkeys or security keys' });
  await expect(confirm.getByText(/\d+ people have only an authenticator app/)).toBeVisible();
  await expectAccessible(page, 'require passkeys: impact');
  await confirm.getByRole('button', { name: 'Require passkeys' }).click();
  await expect(option).toBeChecked();
  await expectAccessible(page, 'settings: passkeys required');
  await signOut(page);

  // Adam, signed in with his app, is blocked: the line names a passkey, the fix adds one.
  await enterPassword(page, EMAILS.adam);
  await page.getByLabel('6-digit code').fill(totpCode(key));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: /user menu for adam admin/i })).toBeVisible();
  await page.goto('/orgs/acme/settings/security');
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByText('Passkey or security key')).toBeVisible();
  await expectAccessible(page, 'blocked: passkey required');
  // The rest in dark mode at 375 px: the blocked page, the way to the fix and back.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page, 'dark 375: blocked: passkey required');
  await page.getByRole('link', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Add a passkey to continue')).toBeVisible();
  await expectAccessible(page, 'dark 375: profile asking for a passkey');
  await passkeys(page).getByRole('button', { name: 'Add a passkey' }).click();
  await page
    .getByRole('dialog', { name: 'Add a passkey' })
    .getByRole('button', { name: 'Continue' })
    .click();
  await page
    .getByRole('dialog', { name: 'Passkey added' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect(page).toHaveURL(/\/orgs\/acme\/settings\/security$/);
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
});
