import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * The production build pre-renders its pages (src/app/first-load/prerender.tsx). Here the app's scripts are
 * held back until the test lets them through, so what the person sees before any JS has run can
 * be checked, and then that React takes that HTML over instead of replacing it.
 */
async function holdScripts(page: Page) {
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  await page.route('**/assets/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Errors in the page (a hydration mismatch is reported as one), apart from expected 401s. */
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
  });
  return errors;
}

test('pre-rendered pages show before the JS runs and are hydrated in place', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await signIn(await context.newPage(), 'olivia');

  for (const [address, id, loaded] of [
    ['/profile/security', 'profile-security', /Recovery codes: \d+ of 10 left/],
    ['/orgs/acme/settings/security', 'org-security', /of 48 users have MFA enabled/],
  ] as const) {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const release = await holdScripts(page);
    await page.goto(address, { waitUntil: 'commit' });

    // No JS of the app has run: the frame, the page's headings and its skeletons are there.
    await expect(page.locator('#root')).toHaveAttribute('data-prerendered', id);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(await page.locator('#root').innerText()).not.toMatch(/Olivia|olivia@/);
    if (id === 'org-security') {
      // The slug from the address, filled in as text and in links.
      await expect(page.getByText('acme', { exact: true })).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link'),
      ).toHaveAttribute('href', '/orgs/acme/settings/security');
    }
    await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
      (h1 as HTMLElement & { prerendered?: boolean }).prerendered = true;
    });

    release();
    await expect(page.getByText(loaded)).toBeVisible();
    await expect(page.getByRole('button', { name: 'User menu for Olivia Owner' })).toBeVisible();
    // The same element: React adopted the HTML rather than rendering it again after a mismatch.
    expect(
      await page
        .getByRole('heading', { level: 1 })
        .evaluate((h1) => (h1 as HTMLElement & { prerendered?: boolean }).prerendered),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }
  await context.close();
});

test('dark mode applies before the JS runs', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const release = await holdScripts(page);
  await page.goto('/profile/security', { waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  release();
  await context.close();
});

test('an address with a query string is rendered by the app, not pre-rendered', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await signIn(await context.newPage(), 'olivia');
  const page = await context.newPage();
  const release = await holdScripts(page);
  await page.goto('/profile/security?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity', {
    waitUntil: 'commit',
  });
  await page.waitForFunction(() => document.readyState !== 'loading'); // index.html's scripts ran
  await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered');
  await expect(page.locator('#root')).toBeEmpty();
  release();
  await expect(page.getByText('Set up MFA to continue')).toBeVisible();
  await context.close();
});
