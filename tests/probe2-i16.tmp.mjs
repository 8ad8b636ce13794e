import { chromium } from '@playwright/test';
import flags from '/work/wt/i16/tests/chromium.json' with { type: 'json' };
import { TOTP, Secret } from 'otpauth';
const browser = await chromium.launch({ executablePath: flags.executablePath, args: flags.args });
const page = await browser.newPage({ viewport: { width: 1280, height: 812 } });
const B = 'http://localhost:5420';
await page.goto(B + '/sign-in');
await page.evaluate(() => fetch('/__mock/reset', { method: 'POST' }));
await page.goto(B + '/sign-in');
await page.getByRole('textbox', { name: 'Email' }).fill('olivia@example.com');
await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByLabel('Authentication code').fill(new TOTP({ secret: Secret.fromBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') }).generate());
await page.getByRole('button', { name: 'Verify' }).click();
await page.getByRole('button', { name: /user menu for/i }).waitFor();
await page.goto(B + '/orgs/acme/settings/security');
await page.getByRole('switch', { name: 'Enable' }).focus();
await page.keyboard.press('Space');
await page.getByRole('button', { name: /See who they are/ }).focus();
await page.keyboard.press('Enter');
for (let i = 0; i < 10; i++) {
  console.log(await page.evaluate(() => { const a = document.activeElement; return a?.tagName + ' ' + (a?.id || a?.getAttribute('aria-label') || a?.textContent?.slice(0, 40)); }));
  await page.waitForTimeout(200);
}
await browser.close();
