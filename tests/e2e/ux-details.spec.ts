import { expect, test, type Locator } from '@playwright/test';
import { resetMock, signIn } from './helpers';

/**
 * Issue 16, point 10's small things that only a browser can show: computed styles, not class
 * names, so a Mantine update or a lost stylesheet that undoes them fails here.
 */

/** WCAG relative-luminance contrast of two CSS colours (rgb/rgba strings). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The first opaque background at or behind `locator`'s element. */
function surfaceBehind(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return getComputedStyle(document.body).backgroundColor;
  });
}

async function focusRing(field: Locator) {
  await field.focus();
  return field.evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: parseFloat(s.outlineWidth), style: s.outlineStyle, color: s.outlineColor };
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('a focused text field shows a 2 px ring, not only a 1 px colour change', async ({
      page,
    }) => {
      await resetMock(page);
      const email = page.getByRole('textbox', { name: 'E-mail' });
      await page.keyboard.press('Tab');
      await email.focus();
      const ring = await focusRing(email);
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      // Non-text contrast (WCAG 1.4.11): the ring stands out from what is behind it.
      expect(contrast(ring.color, await surfaceBehind(email))).toBeGreaterThanOrEqual(3);
    });

    test("after a wrong code the empty field's placeholder stays grey, not the error's red", async ({
      page,
    }) => {
      await resetMock(page);
      await page.getByRole('textbox', { name: 'E-mail' }).fill('olivia@example.com');
      await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const code = page.getByLabel('6-digit code');
      const placeholder = () => code.evaluate((el) => getComputedStyle(el, '::placeholder').color);
      const before = await placeholder();
      await code.fill('000000');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(code).toHaveAttribute('aria-invalid', 'true');

      const after = await placeholder();
      const message = page.getByRole('alert').filter({ hasText: /not correct/i });
      const errorColour = await message.evaluate((el) => getComputedStyle(el).color);
      expect(after).toBe(before);
      expect(after).not.toBe(errorColour);
    });
  });
}

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });

  test("a disabled switch's track is visible against its card", async ({ page }) => {
    await resetMock(page);
    await signIn(page, 'adam'); // an admin without MFA: the switch is shown but disabled
    await page.goto('/orgs/acme/settings/security');
    const input = page.getByRole('switch', { name: 'Enable' });
    await expect(input).toBeDisabled();
    const track = page.locator('.mantine-Switch-track').first();
    const border = await track.evaluate((el) => getComputedStyle(el).borderColor);
    const fill = await track.evaluate((el) => getComputedStyle(el).backgroundColor);
    const behind = await surfaceBehind(track);
    // The outline of the control (WCAG 1.4.11, 3:1) and a fill that differs from the surface.
    expect(contrast(border, behind)).toBeGreaterThanOrEqual(3);
    expect(fill).not.toBe(behind);
  });
});

test('Dev tools → Accounts: at 375 px each "Sign in as …" button shows its whole label', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Dev tools' }).click();
  for (const name of ['Olivia Owner', 'Adam Admin', 'Mia Member', 'Gus Grant']) {
    const label = page.getByRole('button', { name: `Sign in as ${name}` }).getByText('Sign in');
    await expect(label).toBeVisible();
    // Squeezed by a long summary, the label was cut to "Sign i".
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
});
