import { chromium } from '@playwright/test';
import flags from '/work/wt/i16/tests/chromium.json' with { type: 'json' };
const [, , url, width = '375', shot = '/tmp/shots-i16/probe.png', scheme = 'light'] = process.argv;
const browser = await chromium.launch({ executablePath: flags.executablePath, args: flags.args });
const page = await browser.newPage({ viewport: { width: Number(width), height: 812 }, colorScheme: scheme });
const B = 'http://localhost:5420';
await page.goto(B + '/sign-in');
await page.evaluate(() => fetch('/__mock/reset', { method: 'POST' }));
await page.goto(B + '/sign-in');
await page.getByRole('textbox', { name: 'Email' }).fill(process.env.WHO ?? 'olivia@example.com');
await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
if (!process.env.WHO) {
  const { TOTP, Secret } = await import('otpauth');
  const code = new TOTP({ secret: Secret.fromBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') }).generate();
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}
await page.getByRole('button', { name: /user menu for/i }).waitFor();
await page.goto(B + url);
await page.waitForTimeout(2500);
if (process.env.SCROLL) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView(), process.env.SCROLL);
if (process.env.EVAL) console.log(JSON.stringify(await page.evaluate(process.env.EVAL), null, 1));
await page.screenshot({ path: shot, fullPage: process.env.FULL === '1' });
await browser.close();
