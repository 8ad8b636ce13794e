import { expect, test } from '@playwright/test';
import { EMAILS, expectAccessible, resetMock, SECRETS, signIn, totpCode } from './helpers';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

test('the sign-in code step explains letters, then takes a code typed as "123-456"', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(EMAILS.olivia);
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const field = page.getByLabel('6-digit code');
  await field.fill('12ab56');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('The code must contain digits 0–9 only.')).toBeVisible();
  await expect(field).toBeFocused();
  await expectAccessible(page, 'sign-in code step with a format error');

  const code = totpCode(SECRETS.olivia);
  await field.fill(`${code.slice(0, 3)}-${code.slice(3)}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: /user menu for olivia owner/i })).toBeVisible();
});

test('regenerating recovery codes takes a code typed as "123 456" and says the same about letters', async ({
  page,
}) => {
  await signIn(page, 'olivia');
  await page.getByRole('button', { name: /user menu for/i }).click();
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await page.getByRole('button', { name: 'Regenerate recovery codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Regenerate recovery codes' });
  const field = dialog.getByLabel('6-digit code');
  await field.fill('12ab56');
  await dialog.getByRole('button', { name: 'Regenerate codes' }).click();
  await expect(dialog.getByText('The code must contain digits 0–9 only.')).toBeVisible();
  await expectAccessible(page, 'confirm form with a format error');

  const code = totpCode(SECRETS.olivia);
  await field.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await dialog.getByRole('button', { name: 'Regenerate codes' }).click();
  await expect(dialog.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
});
