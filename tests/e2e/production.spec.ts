import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * The production build pre-renders its pages (src/app/first-load/prerender.tsx). Here the app's scripts are
 * held back until the test lets them through, so what the person sees before any JS has run can
 * be checked, and then that the app renders over it, once, with the page's data.
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

/** Errors in the page, apart from expected 401s. */
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
  });
  return errors;
}

test('pre-rendered pages show before the JS runs; the app replaces them once, with data', async ({
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
    // What #root holds when the app first changes it (the pre-rendered page leaves).
    await page.evaluate(() => {
      const root = document.getElementById('root') as HTMLElement & { first?: string };
      new MutationObserver((_, observer) => {
        root.first = root.innerText;
        observer.disconnect();
      }).observe(root, { childList: true });
    });

    release();
    await expect(page.getByText(loaded)).toBeVisible();
    await expect(page.getByRole('button', { name: 'User menu for Olivia Owner' })).toBeVisible();
    // One render with the data: no "nothing loaded yet" in between.
    const first = await page
      .locator('#root')
      .evaluate((root) => (root as HTMLElement & { first?: string }).first);
    expect(first).toMatch(loaded);
    await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered');
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

test('a click in the pre-rendered page, before the app has loaded, is answered', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  await signIn(await context.newPage(), 'adam'); // no second factor: no code used up
  const page = await context.newPage();
  const release = await holdScripts(page);
  await page.goto('/profile/security', { waitUntil: 'commit' });
  await expect(page.locator('#root')).toHaveAttribute('data-prerendered', 'profile-security');
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  release();
  await expect(page.getByRole('button', { name: 'Set up application' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Toggle navigation' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await context.close();
});
