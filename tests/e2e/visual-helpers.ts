import {
  expect,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { EMAILS, SECRETS, type Person } from './helpers';

/**
 * The visual baseline (issue 17, point 5): every screen in four variants, compared with the
 * committed screenshots. Time is frozen at NOW in the mock server (the world is seeded from it)
 * and in the page (relative times), so the same pixels come out on every run.
 */
export const NOW = Date.UTC(2030, 2, 12, 9, 30); // Tuesday, 12 March 2030, 09:30 UTC
export const MOCK_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5174) + 2}`;

const VARIANTS = [
  { scheme: 'light', width: 1280, height: 800 },
  { scheme: 'light', width: 375, height: 812 },
  { scheme: 'dark', width: 1280, height: 800 },
  { scheme: 'dark', width: 375, height: 812 },
] as const;

/** A fresh seeded world at NOW on the mock server the production build talks to. */
export async function resetWorld(request: APIRequestContext, now: number | undefined = NOW) {
  const res = await request.post(`${MOCK_URL}/__mock/reset`, {
    data: now === undefined ? undefined : { now },
  });
  expect(res.ok()).toBe(true);
  if (now === undefined) return;
  // Initech at 1,000 people (a reset restores the default 100,000): the same screens, faster.
  const config = await request.post(`${MOCK_URL}/__mock/config`, { data: { initechSize: 1000 } });
  expect(config.ok()).toBe(true);
}

/** The code of `secret` at NOW (the mock's frozen clock); `step` later steps for a second use. */
export function codeAtNow(secret: string, step = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: NOW + step * 30_000,
  });
}

/** A page in its own context (one person), with the page's clock frozen at NOW. */
export async function personPage(browser: Browser, person?: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  if (person) await signInAt(page, person);
  return page;
}

export async function signInAt(page: Page, person: Person) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(EMAILS[person]);
  await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (person === 'olivia' || person === 'gus') {
    await page.getByLabel('6-digit code').fill(codeAtNow(SECRETS[person]));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await expect(page.getByRole('button', { name: /user menu for/i })).toBeVisible();
}

export interface ShotOptions {
  /** Whole page (pages) or the viewport (dialogs and menus, which sit over it). */
  fullPage?: boolean;
  /** Secrets that differ on every run (a new key, its QR code, recovery codes). */
  mask?: (page: Page) => Locator[];
  /** Scrolled into view after each resize (a menu hides when its button leaves the screen). */
  scrollTo?: (page: Page) => Locator;
  /** Kept under the pointer instead of the corner (a notification stays while hovered). */
  hover?: (page: Page) => Locator;
  /** Checked before each screenshot: the state is on screen in this variant. */
  ready?: (page: Page) => Locator;
}

/**
 * `name` in light and dark, 1280 and 375 px wide: four screenshots compared with the baseline.
 * Ends in light at 1280 px. The pointer is parked in a corner so no hover colour depends on where
 * the last click was in another layout.
 */
export async function snap(page: Page, name: string, options: ShotOptions = {}) {
  if (!options.hover) await page.mouse.move(0, 0);
  for (const { scheme, width, height } of VARIANTS) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    // From the top, so where an earlier click had scrolled the page does not matter.
    if (options.scrollTo) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await options.scrollTo(page).scrollIntoViewIfNeeded();
    }
    // Behind a dialog, the page at its top: where a click had scrolled it depends on timing.
    else if (!options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    if (options.hover) await options.hover(page).hover();
    if (options.ready) await expect(options.ready(page)).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await expect(page).toHaveScreenshot(`${name}-${scheme}-${width}.png`, {
      fullPage: options.fullPage ?? false,
      mask: options.mask?.(page),
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}
