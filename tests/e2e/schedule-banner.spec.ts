import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  expectAccessible,
  openUserMenu,
  resetMock,
  signIn,
  completeAuthenticatorSetup,
} from './helpers';

const ACME = '/orgs/acme/settings/security';
/** An organization page with a query: the way back must keep it too. */
const MIA_WAS_ON = `${ACME}?from=banner`;
const SHOTS = process.env.SHOTS_DIR; // screenshots to look at (not part of the repo)
const ZONE = 'Pacific/Auckland'; // far from UTC: its days start 13 hours earlier in December
const DAY = 86_400_000;

test.use({ timezoneId: ZONE });
test.beforeEach(async ({ page }) => {
  await resetMock(page);
});

/** "Dec 17, 2026": the day `days` from now in the browser's zone, as the date field shows it. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(Date.now() + days * DAY);
}

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Olivia schedules Acme `days` ahead through the dialog, by keyboard in the date field. */
async function oliviaSchedules(page: Page, days: number) {
  await signIn(page, 'olivia');
  await page.goto(ACME);
  await page.getByRole('button', { name: 'Require from a date…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Require MFA in Acme Corp from a date' });
  await expect(dialog).toBeVisible({ timeout: 30_000 }); // a lazy chunk
  const field = dialog.getByRole('textbox', { name: 'Required from' });
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(dayAhead(days));
  await expect(page.getByRole('button', { name: 'Next month' })).toBeVisible(); // the calendar
  await page.keyboard.press('Escape'); // closes the calendar, not the dialog
  await expect(page.getByRole('button', { name: 'Next month' })).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`${dayAhead(days)}, 12:00 AM (${ZONE})`)).toBeVisible();
  await expectAccessible(page, 'schedule dialog, calendar closed');
  if (SHOTS) await dialog.screenshot({ path: `${SHOTS}/schedule-dialog-typed.png` });
  await page.keyboard.press('Enter'); // submits the form: Schedule
  await expect(dialog).toBeHidden();
  await expect(page.getByText(new RegExp(`\\(in ${days} days\\)`)).first()).toBeVisible();
}

/** My profile → Security: authenticator setup, the code computed from the key shown. */
async function setUpAuthenticator(page: Page) {
  await page.getByRole('button', { name: 'Set up application' }).click();
  await completeAuthenticatorSetup(page);
  await expect(page.getByRole('dialog', { name: 'Set up an authenticator app' })).toBeHidden();
}

test('Mia sets up MFA from the banner and is back on the page she was on, without the banner', async ({
  page,
}) => {
  test.slow(); // two sign-ins, the schedule dialog and the whole setup
  await oliviaSchedules(page, 14);
  await signOut(page);

  await signIn(page, 'mia');
  await page.goto(MIA_WAS_ON);
  const banner = page.getByRole('region', { name: 'Acme Corp requires MFA' });
  await expect(banner).toContainText(/Acme Corp requires MFA from .* \(in 14 days\)/);
  await banner.getByRole('link', { name: 'Set up MFA' }).click();
  await expect(page).toHaveURL(`/profile/security?returnTo=${encodeURIComponent(MIA_WAS_ON)}`);
  await expect(page.getByText('Set up MFA to continue')).toBeVisible();
  await setUpAuthenticator(page);

  await expect(page).toHaveURL(MIA_WAS_ON);
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expect(page.getByText('Only owners and admins can change the schedule.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Acme Corp requires MFA' })).toHaveCount(0);
  await expectAccessible(page, 'mia: back from setup');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'MFA required' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Acme Corp requires MFA' })).toHaveCount(0);
});

/**
 * The chart's marker lines (in the order drawn: the waves, then the deadline): the day each stands
 * on, its x and how far its label stays inside the chart (negative: cut off); and the data points.
 */
async function chartGeometry(chart: Locator) {
  return chart.evaluate((root) => {
    const svg = root.querySelector('svg.recharts-surface');
    if (!svg) throw new Error('no chart');
    const box = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text.recharts-label')];
    const lines = [...svg.querySelectorAll('.recharts-reference-line line')].map((line, i) => {
      const label = labels[i];
      const text = label?.getBoundingClientRect();
      return {
        label: label?.textContent ?? '',
        day: line.getAttribute('x') ?? '',
        x: Number(line.getAttribute('x1')),
        inside: text ? Math.min(text.left - box.left, box.right - text.right) : -1,
      };
    });
    const dots = [...svg.querySelectorAll('.recharts-line-dots circle')].map((c) =>
      Number(c.getAttribute('cx')),
    );
    return { lines, dots };
  });
}

test('the chart marks the waves and the deadline on the viewer’s days, labels in view', async ({
  page,
}) => {
  test.slow();
  await oliviaSchedules(page, 14);
  const chart = page.getByRole('heading', { name: 'Adoption' }).locator('xpath=..');
  await expect(chart.locator('svg.recharts-surface')).toBeVisible({ timeout: 30_000 }); // lazy
  await expect(chart).toContainText(`MFA is required from ${dayAhead(14)}.`);
  await expect(chart).toContainText(`Now (${dayAhead(0)}, `);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.mouse.move(0, 0); // no tooltip in the way
      const { lines, dots } = await chartGeometry(chart);
      expect(lines.map((l) => [l.label, l.day])).toEqual([
        ['Now', dayAhead(0)],
        ['7 days before', dayAhead(7)],
        ['3 days before', dayAhead(11)],
        ['1 day before', dayAhead(13)],
        ['Deadline', dayAhead(14)],
      ]);
      // Today's point (the schedule began today) is where the "Now" wave is marked.
      expect(dots).toHaveLength(1);
      expect(Math.abs((lines[0]?.x ?? NaN) - (dots[0] ?? NaN))).toBeLessThan(1);
      // The deadline is the chart's last day, at its right edge; no label is cut off.
      expect(lines.at(-1)?.x).toBe(Math.max(...lines.map((l) => l.x)));
      for (const line of lines)
        expect(line.inside, `${line.label} at ${width}px`).toBeGreaterThanOrEqual(0);
      await expectAccessible(page, `chart ${scheme} ${width}px`);
      if (SHOTS)
        await chart.screenshot({
          path: `${SHOTS}/chart-${ZONE.replace('/', '-')}-${scheme}-${width}.png`,
        });
    }
  }
});
