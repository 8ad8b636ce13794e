import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, resetMock, signIn } from './helpers';

/**
 * Keyboard only: after each step, focus is where the person continues (issue 16, points 1, 2
 * and 5), never on <body> (where the next Tab restarts at the top of the page).
 */
const ACME = '/orgs/acme/settings/security';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

/** Press Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, key = 'Tab', max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach ${target.toString()} by keyboard`);
}

async function startFromTop(page: Page) {
  await page.locator('body').focus();
}

test('the "Require MFA" dialog returns focus to the switch however it closes', async ({ page }) => {
  await signIn(page, 'olivia');
  await page.goto(ACME);
  const toggle = page.getByRole('switch', { name: 'Enable' });
  await expect(toggle).toBeEnabled();
  await startFromTop(page);
  await tabTo(page, toggle);
  const dialog = page.getByRole('dialog', { name: 'Require MFA for Acme Corp?' });

  // Escape
  await page.keyboard.press('Space');
  await expect(dialog.getByText(/have no MFA/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeFocused();

  // Cancel
  await page.keyboard.press('Space');
  await expect(dialog.getByText(/have no MFA/)).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeFocused();

  // "See who they are": the filtered list replaces the dialog.
  await page.keyboard.press('Space');
  await tabTo(page, dialog.getByRole('button', { name: /See who they are/ }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/mfa=disabled/);
  await expect(page.getByRole('heading', { name: 'User security settings' })).toBeFocused();

  // Confirm: the switch (disabled while saving) gets focus back once saved.
  await tabTo(page, toggle, 'Shift+Tab');
  await page.keyboard.press('Space');
  await tabTo(page, dialog.getByRole('button', { name: 'Require MFA' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeFocused();
  await expectAccessible(page, 'after enforcement');
});

test('the pager, bulk Remind and "Select all N" keep focus on what comes next', async ({
  page,
}) => {
  await signIn(page, 'olivia');
  await page.goto(`${ACME}?mfa=disabled&perPage=10`);
  const range = page.getByText(/^1–10 of 19$/);
  await expect(range).toBeVisible();

  // Pager: next page, focus stays on "next page".
  await startFromTop(page);
  const next = page.getByRole('button', { name: 'next page' });
  await tabTo(page, next);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^11–19 of 19$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page 2' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The last page: "next page" is disabled, so focus is on the current page's button.
  await expect(next).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Page 2' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^1–10 of 19$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Page 1' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^11–19 of 19$/)).toBeVisible();

  // Select the page, then "Select all 19 users that match": focus moves on to Remind.
  const pageBox = page.getByRole('checkbox', { name: 'Select all on this page' });
  await tabTo(page, pageBox, 'Shift+Tab');
  await page.keyboard.press('Space');
  const selectAll = page.getByRole('button', { name: 'Select all 19 users that match' });
  await tabTo(page, selectAll, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const remind = page.getByRole('button', { name: 'Remind (19)' });
  await expect(remind).toBeFocused();

  // Remind: the outcome replaces the (now disabled) button and takes focus.
  await page.keyboard.press('Enter');
  const outcome = page.locator('[data-outcome-notice]');
  await expect(outcome).toContainText('Reminder sent to 19 users.');
  await expect(outcome).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('body')).not.toBeFocused();
});

test('honest counts: who gets an e-mail and who is skipped, before sending', async ({ page }) => {
  await signIn(page, 'olivia');
  await page.goto(`${ACME}?perPage=50`);
  await expect(page.getByText(/^1–48 of 48$/)).toBeVisible();
  await startFromTop(page);
  const pageBox = page.getByRole('checkbox', { name: 'Select all on this page' });
  await tabTo(page, pageBox);
  await page.keyboard.press('Space');
  // 48 selected: 29 have MFA. The button names the 19 who get an e-mail.
  const remind = page.getByRole('button', { name: 'Remind (19)' });
  await expect(remind).toBeEnabled();
  await expect(remind).toHaveAccessibleDescription('29 skipped: 29 have MFA.');
  await tabTo(page, remind);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-outcome-notice]')).toContainText(
    'Reminder sent to 19 users. 29 skipped: 29 already have MFA.',
  );
  await expect(page.locator('[data-outcome-notice]')).toBeFocused();

  // The same people again: now all 19 were reminded in the last 24 hours; nobody gets one.
  await tabTo(page, pageBox);
  await page.keyboard.press('Space');
  const none = page.getByRole('button', { name: 'Remind (0)' });
  await expect(none).toBeDisabled();
  await expect(
    page.getByText('48 skipped: 29 have MFA, 19 reminded in the last 24 hours.'),
  ).toBeVisible();
});

test('a send to more than 50 people asks first, with Cancel as the default', async ({ page }) => {
  await signIn(page, 'olivia');
  await page.goto('/orgs/initech/settings/security?mfa=disabled');
  const range = page.getByText(/^1–25 of /);
  // Initech's 100,000 users are generated on first use.
  await expect(range).toBeVisible({ timeout: 60_000 });
  const total = ((await range.textContent()) ?? '').replace(/^1–25 of /, '');
  await startFromTop(page);
  await tabTo(page, page.getByRole('checkbox', { name: 'Select all on this page' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: `Select all ${total} users that match` }));
  await page.keyboard.press('Enter');
  const remind = page.getByRole('button', { name: `Remind (${total})` });
  await expect(remind).toBeFocused();

  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Send reminders to ${total} people?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'confirm large send');
  // Enter on the default button does not send.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(remind).toBeFocused();

  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: `Send ${total} reminders` }));
  await page.keyboard.press('Enter');
  const job = page.locator('[data-reminder-job]');
  await expect(job).toBeVisible();
  await expect(job).toBeFocused();
});

test('Shift+Tab through the user list never leaves the focused control under the header', async ({
  page,
}) => {
  await signIn(page, 'olivia');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(ACME);
  const last = page.getByRole('button', { name: 'next page' });
  await expect(last).toBeVisible();
  await startFromTop(page);
  await tabTo(page, last);
  const hidden: string[] = [];
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Shift+Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !el.closest('main')) return null;
      const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
      const box = el.getBoundingClientRect();
      return box.top < header ? `${el.getAttribute('aria-label') ?? el.textContent}` : null;
    });
    if (where) hidden.push(where);
  }
  expect(hidden).toEqual([]);
});

test('Regenerate, Remove and Setup open on their field and return focus', async ({ page }) => {
  await signIn(page, 'olivia');
  await page.goto('/profile/security');
  const regenerate = page.getByRole('button', { name: /Regenerate/ });
  await expect(regenerate).toBeVisible();
  await startFromTop(page);
  await tabTo(page, regenerate);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Regenerate recovery codes' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(regenerate).toBeFocused();

  const remove = page.getByRole('button', { name: /Remove authenticator/ });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const removeDialog = page.getByRole('dialog', { name: 'Remove authenticator' });
  await expect(removeDialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();
});

test('Setup opens on the chosen app', async ({ page }) => {
  await signIn(page, 'adam');
  await page.goto('/profile/security');
  const setUp = page.getByRole('button', { name: /Set up/ }).first();
  await expect(setUp).toBeVisible();
  await startFromTop(page);
  await tabTo(page, setUp);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await expect(dialog.getByRole('radio', { checked: true })).toBeFocused();
});

test('the colour-scheme item and switching organization keep focus', async ({ page }) => {
  await signIn(page, 'olivia');
  await page.goto(ACME);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await startFromTop(page);
  const menu = page.getByRole('button', { name: /user menu for/i });
  await tabTo(page, menu);
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: /colour scheme/ });
  await tabTo(page, item, 'ArrowDown', 10);
  const before = await item.textContent();
  await page.keyboard.press('Enter');
  await expect(item).not.toHaveText(before ?? '');
  await expect(item).toBeFocused();
  await page.keyboard.press('Escape');

  const switcher = page.getByRole('button', { name: /Switch organization/ });
  await tabTo(page, switcher, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const initech = page.getByRole('menuitem', { name: /Initech/ });
  await tabTo(page, initech, 'ArrowDown', 10);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orgs\/initech\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page).toHaveTitle('Security · Initech · Nimbus');
});

test('sign-in: the lock takes focus and says until when, also for recovery codes; Back to sign-in', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('olivia@example.com');
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.keyboard.press('Enter');
  const field = page.getByLabel('6-digit code');
  await expect(field).toBeFocused();
  const verify = page.getByRole('button', { name: 'Verify' });
  for (let i = 0; i < 10; i++) {
    await field.fill('000000');
    await page.keyboard.press('Enter');
    // Each answer is an alert next to the field; the last five say how many tries are left.
    await expect(verify).not.toHaveAttribute('data-loading', 'true');
    if (i === 9) break;
    const left = 9 - i;
    await expect(page.getByRole('alert')).toContainText(
      left <= 5
        ? `${left} ${left === 1 ? 'try' : 'tries'} left before a 15-minute lock`
        : 'not correct',
    );
    await expect(field).toBeFocused();
  }
  const lock = page.locator('.mantine-Alert-root').filter({ hasText: /locked until/ });
  await expect(lock).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: /locked until/ })).toBeAttached();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await expect(lock).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /locked until/ })).toBeAttached();
  await page.getByRole('button', { name: 'Back to sign-in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toBeFocused();
});
