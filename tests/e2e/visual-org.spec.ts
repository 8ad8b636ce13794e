import { expect, test, type Page } from '@playwright/test';
import { NOW, personPage, resetWorld, snap } from './visual-helpers';

/**
 * Visual baseline, part 2: Settings → Security of an organization. Olivia (owner) sees the user
 * list in each of its states, its menus and dialogs; Mia (member) sees the rollout banner and
 * the access denied page. See visual-helpers.ts.
 */
const ACME = '/orgs/acme/settings/security';
const LIST = /\/api\/orgs\/acme\/members(\?|$)/;
const BOBBY = 'Robert "Bobby" Tables, Jr.';

test.beforeEach(async ({ request }) => {
  await resetWorld(request);
});
test.afterAll(async ({ request }) => {
  await resetWorld(request, undefined); // the wall clock again for the other specs
});

const users = (page: Page) => page.getByRole('table', { name: 'Users and their MFA status' });
const search = (page: Page) => page.getByLabel('Search', { exact: true });
const more = (page: Page, name: string) =>
  page.getByRole('button', { name: `More actions for ${name}` });

test('the user list: loaded, loading, failed, filtered and empty; switcher, menus, dialogs', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await personPage(browser, 'olivia');
  await page.goto(ACME);
  await snap(page, 'org-security', { fullPage: true, ready: () => more(page, 'Adam Admin') });

  await page.getByRole('button', { name: /Switch organization/ }).click();
  await snap(page, 'org-switcher', { ready: (p) => p.getByRole('menuitem', { name: /Initech/ }) });
  await page.keyboard.press('Escape');

  // The list's request held: the table's skeleton under the loaded page.
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(LIST, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto(`${ACME}?mfa=enabled`);
  // (The events card comes in only once the list is on screen: issue 17, no layout shift.)
  await snap(page, 'org-list-loading', {
    scrollTo: search,
    ready: (p) => p.getByText('29 of 48 users have MFA enabled'),
  });
  release();
  await page.unroute(LIST);

  // The list failing (after the client's two retries): the error with Retry.
  await page.route(LIST, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Server error', status: 500 }),
    }),
  );
  await page.goto(`${ACME}?mfa=enabled`);
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible({ timeout: 15_000 });
  await snap(page, 'org-list-error', { scrollTo: () => retry, ready: () => retry });
  await page.unroute(LIST);

  await page.goto(`${ACME}?mfa=disabled&role=member`);
  await snap(page, 'org-filtered', { scrollTo: search, ready: () => more(page, 'Mia Member') });
  await page.goto(`${ACME}?q=nobody-has-this-name`);
  const clear = page.getByRole('button', { name: 'Clear filters' });
  await snap(page, 'org-empty-filter', { scrollTo: () => clear, ready: () => clear });

  await page.goto(`${ACME}?q=mia`);
  await more(page, 'Mia Member').click();
  const history = page.getByRole('menuitem', { name: 'Reminder history' });
  await snap(page, 'row-menu', { scrollTo: () => more(page, 'Mia Member'), ready: () => history });
  await history.click();
  const historyDialog = page.getByRole('dialog', { name: 'Reminder history of Mia Member' });
  await snap(page, 'reminder-history', { ready: () => historyDialog.getByRole('button').last() });
  await page.keyboard.press('Escape');

  await page.goto(`${ACME}?q=bobby`);
  await more(page, BOBBY).click();
  await page.getByRole('menuitem', { name: 'Reset MFA…' }).click();
  const reset = page.getByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
  await snap(page, 'reset-mfa-dialog', { ready: () => reset.getByLabel(/^Reason/) });
  await page.keyboard.press('Escape');

  await page.goto(`${ACME}?mfa=disabled`);
  for (const name of ['Adam Admin', 'Bea Ivanova', 'Carlos Jensen'])
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  const remind = page.getByRole('button', { name: 'Remind (3)' });
  await snap(page, 'bulk-bar', { scrollTo: () => remind, ready: () => remind });

  // More than 50 people ask for a confirmation: Initech.
  await page.goto('/orgs/initech/settings/security?mfa=disabled');
  await expect(users(page).getByRole('row')).toHaveCount(26, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Adoption' })).toBeVisible(); // its rollout's chart
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await page.getByRole('button', { name: /^Select all [\d,]+ users that match$/ }).click();
  await page.getByRole('button', { name: /^Remind \([\d,]+\)$/ }).click();
  const send = page.getByRole('dialog', { name: /^Send reminders to [\d,]+ people\?$/ });
  await snap(page, 'confirm-bulk-send', { ready: () => send.getByRole('button').last() });
  await page.context().close();
});

test('MFA required and schedule dialogs; the rollout banner and the access denied page', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await personPage(browser, 'olivia');
  await page.goto(ACME);
  await page.getByRole('switch', { name: 'Enable' }).click({ force: true });
  const require = page.getByRole('dialog', { name: 'Require MFA for Acme Corp?' });
  await snap(page, 'enforcement-dialog', { ready: () => require.getByText('19 of 48 users') });
  await require.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Require from a date…' }).click();
  const schedule = page.getByRole('dialog', { name: 'Require MFA in Acme Corp from a date' });
  await schedule
    .getByLabel('Required from')
    .fill(new Date(NOW + 14 * 86_400_000).toISOString().slice(0, 10));
  await snap(page, 'schedule-dialog', { ready: () => schedule.getByText('19 of 48 users') });
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await expect(schedule).toBeHidden();
  const adoption = page.getByRole('heading', { name: 'Adoption' });
  await expect(adoption).toBeVisible({ timeout: 30_000 });
  await snap(page, 'org-scheduled', { scrollTo: () => adoption, ready: () => adoption });
  await page.context().close();

  const mia = await personPage(browser, 'mia');
  await mia.goto(ACME);
  const banner = mia.getByRole('region', { name: 'Acme Corp requires MFA' });
  await snap(mia, 'rollout-banner', { fullPage: true, ready: () => banner });
  await mia.goto('/orgs/globex/settings/security');
  const denied = mia.getByRole('region', { name: 'Access denied' });
  await snap(mia, 'access-denied', { fullPage: true, ready: () => denied });
  await mia.context().close();
});
