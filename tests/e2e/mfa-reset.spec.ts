import { expect, test, type Page } from '@playwright/test';
import { seededRecoveryCodes } from '../../src/mocks/seed';
import {
  expectAccessible,
  openUserMenu,
  resetMock,
  signIn,
  completeAuthenticatorSetup,
} from './helpers';

const BOBBY = 'Robert "Bobby" Tables, Jr.';
const BOBBY_EMAIL = 'bobby@acme.example';

/** Screenshots for a person to look at, only when SHOTS_DIR is set (never in CI). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

type Mail = { kind: string; to: string; subject: string; text: string };
const outbox = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/__mock/outbox');
    return ((await res.json()) as { items: Mail[] }).items;
  });

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Adam sets up an authenticator app on My profile → Security (his session then has MFA). */
async function adamSetsUpMfa(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'My profile' }).click();
  await page.getByRole('button', { name: 'Set up application' }).click();
  await completeAuthenticatorSetup(page, { app: 'Google Authenticator' });
  await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
}

async function openBobbyRow(page: Page) {
  await page.goto('/orgs/acme/settings/security?q=bobby');
  const row = page.getByRole('row').filter({ hasText: BOBBY });
  // The list's code and data load after the page (slow on a loaded dev server).
  await expect(row.getByText('Managed')).toBeVisible({ timeout: 30_000 });
  return row;
}

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

test('Olivia asks to reset a managed user’s MFA, Adam approves, the user’s next sign-in goes to setup', async ({
  page,
}) => {
  // Three people, an MFA setup and many axe runs: about a minute, several on a loaded machine.
  test.setTimeout(300_000);
  await signIn(page, 'olivia');
  const row = await openBobbyRow(page);
  await expectAccessible(page, 'user list with Managed');
  await row.getByRole('button', { name: `More actions for ${BOBBY}` }).click();
  await page.getByRole('menuitem', { name: 'Reset MFA…' }).click();
  const dialog = page.getByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
  await expect(dialog.getByText('Their sessions end at once.')).toBeVisible();
  await expectAccessible(page, 'reset dialog');
  await dialog.getByRole('button', { name: 'Reset MFA' }).click();
  await expect(dialog.getByText('Give a reason for the reset.')).toBeVisible();
  await expectAccessible(page, 'reset dialog with errors');
  await shot(page, 'reset-dialog-errors');
  await dialog.getByLabel(/^Reason/).fill('Lost his phone; support ticket 4711');
  await dialog.getByLabel(`Type ${BOBBY_EMAIL} to confirm`).fill(BOBBY_EMAIL);
  await dialog.getByRole('button', { name: 'Reset MFA' }).click();
  await expect(page.getByText(/Another owner or admin must approve it/)).toBeVisible();
  const requests = page.getByRole('list', { name: 'MFA reset requests' });
  await expect(requests).toContainText('Waiting for another owner or admin to approve.');
  await expectAccessible(page, 'reset request pending (requester)');
  await shot(page, 'reset-request-pending');
  await signOut(page);

  await signIn(page, 'adam');
  await adamSetsUpMfa(page);
  // In-app navigation: a reload right after a change can race the mock's persistence.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Security' })
    .nth(1)
    .click();
  await expect(page).toHaveURL(/\/orgs\/acme\/settings\/security$/);
  await page.mouse.move(1, 1); // the clicked link's hover colour is not what axe should judge
  // The page's code and data load after an in-app navigation (slow on a loaded dev server).
  await expect(requests).toContainText(`Olivia Owner asked to reset the MFA of ${BOBBY}`, {
    timeout: 60_000,
  });
  await expect(requests).toContainText('Reason: Lost his phone; support ticket 4711');
  await expectAccessible(page, 'reset request pending (approver)');
  await requests.getByRole('button', { name: `Approve the MFA reset of ${BOBBY}` }).click();
  await expect(requests).toBeHidden();
  const events = page.getByRole('table', { name: 'Security events' });
  await expect(events).toContainText(`Adam Admin approved the MFA reset of ${BOBBY}`);
  await shot(page, 'reset-approved-events');
  await signOut(page);

  await page.getByRole('textbox', { name: 'E-mail' }).fill(BOBBY_EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/profile\/security$/);
  await expect(page.getByRole('dialog', { name: 'Set up an authenticator app' })).toBeVisible();
  await expect(page.getByText('Set up MFA again')).toBeVisible();
  await shot(page, 'after-reset-setup');

  const mails = (await outbox(page)).filter((m) => m.to === BOBBY_EMAIL);
  expect(mails.map((m) => m.kind)).toEqual(['mfa_reset']);
  expect(mails[0]?.text).toContain('Olivia Owner of Acme Corp reset');
  expect(mails[0]?.text).toContain('Reason given: Lost his phone; support ticket 4711');
  expect(mails[0]?.text).toContain('/profile/security');
});

/** Olivia's code at the mock's clock (moved by dev tools), as Dev tools → Live codes shows it. */
const oliviaCodeAtMockTime = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/__mock/codes');
    const { items } = (await res.json()) as { items: { email: string; code: string }[] };
    return items.find((i) => i.email === 'olivia@example.com')?.code ?? '';
  });

test('more than 10 minutes after her MFA, Reset MFA… asks Olivia to confirm it first, then opens the form', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'olivia');
  const row = await openBobbyRow(page);
  // An hour on the mock's clock: her sign-in's MFA is now too old for a reset.
  await page.getByRole('button', { name: 'Dev tools' }).click();
  await page.getByRole('tab', { name: 'Time' }).click();
  await page.getByRole('button', { name: '+1 hour' }).click();
  await expect(page.getByRole('button', { name: '+1 hour' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /Development tools/ })).toBeHidden();

  const more = row.getByRole('button', { name: `More actions for ${BOBBY}` });
  const stepUp = page.getByRole('dialog', { name: "Confirm it's you with MFA" });
  const form = page.getByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
  await more.click();
  await page.getByRole('menuitem', { name: 'Reset MFA…' }).click();
  await expect(stepUp).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(stepUp).toContainText('Resetting MFA needs MFA confirmed in the last 10 minutes.');
  await expectAccessible(page, 'step-up before the reset form');
  await shot(page, 'reset-step-up-first');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page, 'dark 375: step-up before the reset form');
  await shot(page, 'reset-step-up-first-dark-375');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Leaving the step-up opens nothing and puts focus back on the row's More button.
  await page.keyboard.press('Escape');
  await expect(stepUp).toBeHidden();
  await expect(form).toHaveCount(0);
  await expect(more).toBeFocused();

  await more.click();
  await page.getByRole('menuitem', { name: 'Reset MFA…' }).click();
  await stepUp.getByLabel('6-digit code').fill(await oliviaCodeAtMockTime(page));
  await stepUp.getByRole('button', { name: 'Verify' }).click();
  await expect(form).toBeVisible();
  await expect(stepUp).toHaveCount(0);
  await expect(form.getByLabel(/^Reason/)).toBeFocused();
  await expectAccessible(page, 'reset form after the step-up');
  await shot(page, 'reset-form-after-step-up');
  await form.getByLabel(/^Reason/).fill('Lost his phone; support ticket 4712');
  await form.getByLabel(`Type ${BOBBY_EMAIL} to confirm`).fill(BOBBY_EMAIL);
  await form.getByRole('button', { name: 'Reset MFA' }).click();
  // The fresh step-up is accepted at once: no "Confirm it's you first" on the way.
  await expect(page.getByText(/Another owner or admin must approve it/)).toBeVisible();
  await expect(page.getByText("Confirm it's you first")).toHaveCount(0);
  await shot(page, 'reset-requested-after-step-up');
});

/** Olivia spends 7 of her 10 seeded recovery codes through the API (as seven earlier sign-ins). */
async function spendSevenCodes(page: Page) {
  const codes = seededRecoveryCodes('usr_olivia').slice(0, 7);
  await page.evaluate(async (list) => {
    for (const recoveryCode of list) {
      const first = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'olivia@example.com', password: 'nimbus-demo' }),
      });
      const { challenge } = (await first.json()) as { challenge: { id: string } };
      await fetch('/api/auth/mfa', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ challengeId: challenge.id, recoveryCode }),
      });
      await fetch('/api/session', { method: 'DELETE' });
    }
  }, codes);
}

async function lowCodesSignIn(page: Page) {
  await spendSevenCodes(page);
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('olivia@example.com');
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  // Typed in capitals and with spaces: the server accepts any case and separators.
  const code = (seededRecoveryCodes('usr_olivia')[7] ?? '').toUpperCase().replace(/-/g, ' ');
  await page.getByLabel('Recovery code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Few recovery codes left' })).toBeVisible();
  await expect(page.getByText('Only 2 recovery codes are left.')).toBeVisible();
}

test('a recovery-code sign-in with few codes left says so and offers Regenerate', async ({
  page,
}) => {
  await lowCodesSignIn(page);
  await expectAccessible(page, 'few codes left at sign-in');
  await shot(page, 'low-codes-light-1280');
  await page.getByRole('button', { name: 'Regenerate recovery codes' }).click();
  await expect(page.getByRole('dialog', { name: 'Regenerate recovery codes' })).toBeVisible();
  await page.keyboard.press('Escape');
  const activity = page.getByRole('list', { name: 'Recent security activity' });
  await expect(activity.getByRole('listitem').first()).toContainText(
    'Signed in with a recovery code',
  );
  await expect(activity).toContainText('Recovery code used (2 codes left)');
  await expect(page.getByText('Recovery codes: 2 of 10 left')).toBeVisible();
  await expectAccessible(page, 'profile with activity');
  await shot(page, 'profile-activity-light-1280');
  const used = (await outbox(page)).filter((m) => m.kind === 'recovery_code_used');
  expect(used).toHaveLength(8);
});

test.describe('dark, 375 px', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 375, height: 800 } });

  test('the new states pass axe and fit', async ({ page }) => {
    await lowCodesSignIn(page);
    await expectAccessible(page, 'dark 375: few codes left');
    await shot(page, 'low-codes-dark-375');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.goto('/profile/security');
    await expect(page.getByRole('list', { name: 'Recent security activity' })).toBeVisible();
    await expectAccessible(page, 'dark 375: activity');
    await shot(page, 'profile-activity-dark-375');
    const row = await openBobbyRow(page);
    await row.getByRole('button', { name: `More actions for ${BOBBY}` }).click();
    await page.getByRole('menuitem', { name: 'Reset MFA…' }).click();
    const dialog = page.getByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'dark 375: reset dialog');
    await shot(page, 'reset-dialog-dark-375');
    await dialog.getByLabel(/^Reason/).fill('Lost phone');
    await dialog.getByLabel(`Type ${BOBBY_EMAIL} to confirm`).fill(BOBBY_EMAIL);
    await dialog.getByRole('button', { name: 'Reset MFA' }).click();
    await expect(page.getByRole('list', { name: 'MFA reset requests' })).toBeVisible();
    await expectAccessible(page, 'dark 375: reset requests');
    await shot(page, 'reset-requests-dark-375');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});
