import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, resetMock, signIn } from './helpers';

/** All 48 Acme users on one page: the 120-character name is on screen with everyone else. */
const ACME_ALL = '/orgs/acme/settings/security?perPage=100';
const LONG_NAME = /^Maximiliana Bartholomew/;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not on screen`);
  return b;
}

test.beforeEach(async ({ page }) => {
  await resetMock(page);
  await signIn(page, 'olivia');
});

/** Every MFA status badge on the page: [text, scrollWidth, clientWidth] of badge and label. */
async function badgeWidths(page: Page) {
  const table = page.getByRole('table', { name: 'Users and their MFA status' });
  await expect(table.getByRole('row')).toHaveCount(49);
  return table.locator('td[data-col="mfa"] .mantine-Badge-root').evaluateAll((badges) =>
    badges.map((b) => {
      const label = b.querySelector<HTMLElement>('.mantine-Badge-label') ?? b;
      return {
        text: b.textContent,
        clipped:
          b.scrollWidth > b.clientWidth ||
          label.scrollWidth > label.clientWidth ||
          label.getBoundingClientRect().right > b.getBoundingClientRect().right + 0.5,
      };
    }),
  );
}

for (const width of [1280, 375]) {
  test(`the MFA status is never cut off at ${width} px, with the 120-character name on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(ACME_ALL);
    await expect(page.getByText(LONG_NAME)).toBeVisible();
    const badges = await badgeWidths(page);
    expect(badges).toHaveLength(48);
    expect(badges.filter((b) => b.clipped)).toEqual([]);
    expect(new Set(badges.map((b) => b.text))).toEqual(new Set(['Enabled', 'Not enabled']));
  });
}

test('at 375 px the list does not scroll sideways; name, status and actions stay together', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(ACME_ALL);
  const long = page.getByText(LONG_NAME);
  await expect(long).toBeVisible();
  const sideways = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const containers = [...document.querySelectorAll<HTMLElement>('main *')].filter(
      (el) =>
        el.scrollWidth > el.clientWidth + 1 &&
        ['auto', 'scroll'].includes(getComputedStyle(el).overflowX),
    );
    return { page: doc.scrollWidth - doc.clientWidth, containers: containers.length };
  });
  expect(sideways).toEqual({ page: 0, containers: 0 });

  // Each person's checkbox, name, status and "…" are within the screen, beside each other.
  for (const name of ['Mia Member', 'Maximiliana']) {
    const row = page.getByRole('row').filter({ hasText: name });
    await row.first().scrollIntoViewIfNeeded();
    const parts = [
      row.getByRole('checkbox'),
      row.getByText(name === 'Mia Member' ? 'Mia Member' : LONG_NAME),
      row.locator('td[data-col="mfa"] .mantine-Badge-root'),
      row.getByRole('button', { name: /^More actions for/ }),
    ];
    for (const part of parts) {
      const b = await box(part);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(375);
    }
    const rowBox = await box(row.first());
    const badge = await box(row.locator('td[data-col="mfa"] .mantine-Badge-root'));
    expect(badge.y).toBeGreaterThanOrEqual(rowBox.y);
    expect(badge.y + badge.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
  }

  // Selecting is still possible: one person, then the whole page.
  await page.getByRole('checkbox', { name: 'Select Mia Member' }).check();
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await expect(page.getByText('48 selected')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots-i16/list-375.png' });
  await expectAccessible(page, 'list at 375 px');
  await page.emulateMedia({ colorScheme: 'dark' });
});
