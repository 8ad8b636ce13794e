import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

export const SECRETS = {
  olivia: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  gus: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
} as const;

export const EMAILS = {
  olivia: 'olivia@example.com',
  adam: 'adam@example.com',
  mia: 'mia@example.com',
  gus: 'gus@example.com',
} as const;

export type Person = keyof typeof EMAILS;

/**
 * Codes are single-use per mock world: within one test (one world, see resetMock) each call returns
 * the code of a later step than the one before; the server accepts one step ahead.
 */
const lastStep = new Map<string, number>();
export function totpCode(secret: string): string {
  let step = Math.floor(Date.now() / 30_000);
  const last = lastStep.get(secret) ?? 0;
  if (step <= last) step = last + 1; // the server accepts one step ahead
  lastStep.set(secret, step);
  return new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: step * 30_000,
  });
}

/** A fresh demo world in the page's mock backend (each test has its own browser context too). */
export async function resetMock(page: Page) {
  lastStep.clear();
  await page.goto('/sign-in');
  await page.evaluate(() => fetch('/__mock/reset', { method: 'POST' }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

export async function signIn(page: Page, person: Person, options: { secret?: string } = {}) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(EMAILS[person]);
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const secret =
    options.secret ?? (person === 'olivia' || person === 'gus' ? SECRETS[person] : undefined);
  if (secret) {
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await expect(page.getByRole('button', { name: /user menu for/i })).toBeVisible();
}

export async function openUserMenu(page: Page) {
  await page.getByRole('button', { name: /user menu for/i }).click();
}

/** axe on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/**
 * The open "Set up an authenticator app" dialog, from its first step to Done: the key read as a
 * person would ("Can't scan it?"), the code computed from it. `app` picks an app on the first step.
 */
export async function completeAuthenticatorSetup(page: Page, options: { app?: string } = {}) {
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  if (options.app) await setup.getByRole('radio', { name: options.app }).check();
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByRole('button', { name: "Can't scan it?" }).click();
  const key = (
    (await setup.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).textContent()) ?? ''
  ).replace(/ /g, '');
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByLabel('6-digit code').fill(totpCode(key));
  await setup.getByRole('button', { name: 'Verify & save' }).click();
  await setup.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await setup.getByRole('button', { name: 'Continue' }).click();
  await setup.getByRole('button', { name: 'Done' }).click();
}
