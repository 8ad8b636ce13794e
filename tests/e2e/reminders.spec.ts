import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, resetMock, signIn } from './helpers';

const ACME = '/orgs/acme/settings/security';

test.beforeEach(async ({ page }) => {
  await resetMock(page);
  await signIn(page, 'olivia');
});

async function reminderMails(page: Page): Promise<{ to: string; text: string }[]> {
  return page.evaluate(async () => {
    const res = await fetch('/__mock/outbox');
    const body = (await res.json()) as { items: { kind: string; to: string; text: string }[] };
    return body.items.filter((m) => m.kind === 'mfa_reminder');
  });
}

async function remindersDelivered(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await fetch('/__mock/outbox');
    const body = (await res.json()) as { delivered: { mfa_reminder?: number } };
    return body.delivered.mfa_reminder ?? 0;
  });
}

const row = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${name}` }) });

/** Press Tab (or Shift+Tab) until `target` has focus: a keyboard-only path. */
async function tabTo(page: Page, target: Locator, key = 'Tab', max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error('could not reach the element by keyboard');
}

test('Olivia reminds Mia with More → Remind', async ({ page }) => {
  await page.goto(`${ACME}?q=mia`);
  await expect(page.getByRole('checkbox', { name: 'Select Mia Member' })).toBeVisible();
  await expectAccessible(page, 'list');
  await page.getByRole('button', { name: 'More actions for Mia Member' }).click();
  await expectAccessible(page, 'row menu');
  await page.getByRole('menuitem', { name: 'Remind', exact: true }).click();
  await expect(page.getByText('Reminder sent to Mia Member.')).toBeVisible();
  await expect(row(page, 'Mia Member').getByText('just now')).toBeVisible();
  const mails = await reminderMails(page);
  expect(mails.map((m) => m.to)).toEqual(['mia@example.com']);
  expect(mails[0]?.text).toContain('nimbus login -f');
  await expectAccessible(page, 'single outcome');

  await page.getByRole('button', { name: 'More actions for Mia Member' }).click();
  const item = page.getByRole('menuitem', { name: 'Remind', exact: true });
  await expect(item).toBeDisabled();
  await expect(item).toHaveAccessibleDescription('Reminded in the last 24 hours');
});

test('Olivia selects three people and presses Remind', async ({ page }) => {
  await page.goto(`${ACME}?mfa=disabled`);
  for (const name of ['Adam Admin', 'Bea Ivanova', 'Carlos Jensen'])
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(page.getByRole('button', { name: 'Remind (3)' })).toBeEnabled();
  await expectAccessible(page, 'selection');
  await page.getByRole('button', { name: 'Remind (3)' }).click();
  await expect(page.getByText('Reminder sent to 3 users.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remind (0)' })).toBeDisabled();
  expect((await reminderMails(page)).map((m) => m.to).sort()).toEqual([
    'adam@example.com',
    'bea.ivanova@acme.example',
    'carlos.jensen@acme.example',
  ]);
  await expectAccessible(page, 'bulk outcome');
});

test('in Initech, Olivia reminds everyone without MFA and watches the job finish', async ({
  page,
}) => {
  test.slow(); // 100,000 users generated, a preview and a 30,000-person job
  await page.goto('/orgs/initech/settings/security?mfa=disabled');
  const range = page.getByText(/^1–25 of /);
  await expect(range).toBeVisible({ timeout: 60_000 }); // Initech is generated on first use
  const total = ((await range.textContent()) ?? '').replace(/^1–25 of /, '');
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await page.getByRole('button', { name: `Select all ${total} users that match` }).click();
  await expect(page.getByText(`All ${total} users that match are selected.`)).toBeVisible();
  await expectAccessible(page, 'all selected');
  await page.getByRole('button', { name: `Remind (${total})` }).click();
  await expect(
    page.getByRole('dialog', { name: `Send reminders to ${total} people?` }),
  ).toBeVisible();
  await expectAccessible(page, 'confirm bulk send');
  await page.getByRole('button', { name: `Send ${total} reminders` }).click();
  await expect(page.getByText(/^Sending reminders: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel sending' })).toBeVisible();
  await expectAccessible(page, 'job running');
  await expect(page.getByText(`Reminder sent to ${total} users.`)).toBeVisible({
    timeout: 30_000,
  });
  const users = page.getByRole('table', { name: 'Users and their MFA status' });
  expect(await users.locator('tbody tr').count()).toBeLessThanOrEqual(25);
  expect(await page.locator('tr').count()).toBeLessThanOrEqual(200);
  // The outbox keeps the last 1,000 e-mails; it counts every one it delivered.
  expect(await remindersDelivered(page)).toBe(Number(total.replace(/,/g, '')));
  await expectAccessible(page, 'job finished');
});

test('keyboard only: select a person and send once', async ({ page }) => {
  await page.goto(`${ACME}?q=mia`);
  const box = page.getByRole('checkbox', { name: 'Select Mia Member' });
  await expect(box).toBeVisible();
  await page.locator('body').focus();
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  const remind = page.getByRole('button', { name: 'Remind (1)' });
  await tabTo(page, remind, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Reminder sent to 1 user.')).toBeVisible();
  expect(await reminderMails(page)).toHaveLength(1);
});
