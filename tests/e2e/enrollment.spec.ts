import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectAccessible, openUserMenu, resetMock, signIn, totpCode } from './helpers';

const KEY_PATTERN = /^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/;

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

/** The otpauth URI a phone camera would read from the QR code on screen. */
async function decodeQr(page: Page): Promise<string | null> {
  const shot = PNG.sync.read(await page.screenshot());
  const found = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  return found?.data ?? null;
}

/** In-app navigation (a reload right after a sign-in can race the mock's persistence). */
async function openMyProfile(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(page).toHaveURL(/\/profile\/security$/);
}

async function readKey(page: Page): Promise<string> {
  const key = page.getByRole('dialog').getByText(KEY_PATTERN);
  await expect(key).toBeVisible();
  return ((await key.textContent()) ?? '').replace(/ /g, '');
}

async function signInWithRecoveryCode(page: Page, code: string) {
  await page.getByLabel('E-mail').fill('adam@example.com');
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: /user menu for adam admin/i })).toBeVisible();
}

test('Adam sets up an authenticator, signs in again with a recovery code and removes MFA', async ({
  page,
}) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await signIn(page, 'adam');
  await openMyProfile(page);
  await expect(page.getByText('Not enabled')).toBeVisible();
  await expectAccessible(page, 'status: not enabled');

  await page.getByRole('button', { name: 'Set up application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await expect(
    dialog.getByRole('heading', { name: 'Choose your authenticator app' }),
  ).toBeVisible();
  await dialog.getByRole('radio', { name: 'Microsoft Authenticator' }).check();
  await expect(dialog.getByText('In Microsoft Authenticator')).toBeVisible();
  await expectAccessible(page, 'step 1: app choice');

  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('heading', { name: 'Scan the QR code' })).toBeVisible();
  await expectAccessible(page, 'step 2: QR code');
  const uri = await decodeQr(page);
  await dialog.getByRole('button', { name: "Can't scan it?" }).click();
  const key = await readKey(page);
  expect(uri).toBe(
    `otpauth://totp/Nimbus:adam%40example.com?secret=${key}&issuer=Nimbus&algorithm=SHA1&digits=6&period=30`,
  );
  await expectAccessible(page, "step 2: can't scan it");

  await dialog.getByRole('button', { name: 'Continue' }).click();
  const field = dialog.getByLabel('6-digit code');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');
  await field.fill('12345');
  await dialog.getByRole('button', { name: 'Verify & save' }).click();
  await expect(
    dialog.getByText('The code must be exactly 6 digits; this one has 5.'),
  ).toBeVisible();
  await expect(field).toBeFocused();
  await expectAccessible(page, 'step 3: code with an error');
  await field.fill(totpCode(key));
  await dialog.getByRole('button', { name: 'Verify & save' }).click();

  await expect(dialog.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const codes = await dialog
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  expect(codes).toHaveLength(10);
  await expectAccessible(page, 'step 4: recovery codes');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('nimbus-recovery-codes.txt');
  await dialog.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();

  await expect(dialog.getByRole('heading', { name: 'Refresh your SSH credentials' })).toBeVisible();
  await expect(dialog.getByText('nimbus login -f')).toBeVisible();
  await expectAccessible(page, 'step 5: refresh access');
  await dialog.getByRole('tab', { name: 'Using the CLI' }).click();
  await expect(dialog.getByText('nimbus login', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
  await expect(page.getByText('Recovery codes: 10 of 10 left')).toBeVisible();
  await expectAccessible(page, 'status: enabled');

  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithRecoveryCode(page, codes[3] ?? '');
  await openMyProfile(page);
  await expect(page.getByText('Recovery codes: 9 of 10 left')).toBeVisible();

  await page.getByRole('button', { name: 'Remove authenticator' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove authenticator' });
  await expect(remove.getByText('None of your organizations requires MFA today.')).toBeVisible();
  await expectAccessible(page, 'remove authenticator');
  await remove.getByLabel('6-digit code').fill(totpCode(key));
  await remove.getByRole('button', { name: 'Remove authenticator' }).click();
  await expect(page.getByText('Not enabled')).toBeVisible();

  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  for (const secret of [key, ...codes]) {
    expect(storage).not.toContain(secret);
    expect(page.url()).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
  }
});

/** Press Tab until the focused element's accessible text matches (the way a keyboard user would). */
async function tabTo(page: Page, name: RegExp, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      const byLabel = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return labelled ?? (byLabel || el.textContent || '');
    });
    if (name.test(label.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('the whole setup works by keyboard alone', async ({ page }) => {
  await signIn(page, 'adam');
  await openMyProfile(page);
  await expect(page.getByText('Not enabled')).toBeVisible();
  await tabTo(page, /^Set up application$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await expect(dialog).toBeVisible();
  await tabTo(page, /^Google Authenticator$/);
  await page.keyboard.press('ArrowDown'); // radios move with the arrow keys
  await expect(dialog.getByRole('radio', { name: 'Microsoft Authenticator' })).toBeChecked();
  await tabTo(page, /^Continue$/);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Scan the QR code' })).toBeFocused();
  await tabTo(page, /^Can't scan it\?$/);
  await page.keyboard.press('Enter');
  const key = await readKey(page);
  await tabTo(page, /^Continue$/);
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('6-digit code')).toBeFocused();
  await page.keyboard.type(totpCode(key));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await tabTo(page, /^I have saved my recovery codes$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Continue$/);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Refresh your SSH credentials' })).toBeFocused();
  await tabTo(page, /^Using the CLI$/);
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'In the Console' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await tabTo(page, /^Done$/);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
});
