#!/usr/bin/env node
/**
 * Speed of User security settings in Chromium on the dev server (issue 5), Initech vs Acme:
 *   node tests/bench/member-security-speed.mjs [baseUrl=http://localhost:5183] [runs=5]
 * Times are taken in the page with performance.now(): from the click (or the last keystroke)
 * to the DOM mutation that shows the result. The app is loaded and signed in first; a warm-up
 * pass generates Initech and builds the mock's indexes (the first visit is reported apart).
 */
import { launch } from './lib/browser.mjs';
import { Secret, TOTP } from 'otpauth';

const base = process.argv[2] ?? 'http://localhost:5183';
const runs = Number(process.argv[3] ?? 5);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/sign-in`);
await page.evaluate(() => fetch('/__mock/reset', { method: 'POST' }));
await page.goto(`${base}/sign-in`);
await page.getByRole('textbox', { name: 'E-mail' }).fill('olivia@example.com');
await page.getByRole('textbox', { name: 'Password' }).fill('nimbus-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
const code = new TOTP({
  secret: Secret.fromBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
  digits: 6,
  period: 30,
}).generate();
await page.getByLabel('6-digit code').fill(code);
await page.getByRole('button', { name: 'Verify' }).click();
await page.getByRole('button', { name: /user menu for/i }).waitFor();

/** Run `act` in the page and resolve with ms until `done()` holds after a DOM mutation. */
async function timed(act, done) {
  return page.evaluate(
    ([actSrc, doneSrc]) =>
      new Promise((resolve, reject) => {
        const act = new Function(`return (${actSrc})`)();
        const done = new Function(`return (${doneSrc})`)();
        const t0 = performance.now();
        const check = () => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(() => reject(new Error('timeout')), 20_000);
        act();
      }),
    [act.toString(), done.toString()],
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ORGS = { acme: 'Acme Corp', initech: 'Initech' };
const other = { acme: 'initech', initech: 'acme' };

async function firstPage(slug) {
  await page.evaluate(
    ([name, total]) => {
      window.__target = name;
      window.__total = total;
    },
    [ORGS[slug], slug === 'initech' ? '100,000' : '48'],
  );
  await page.getByRole('button', { name: /Switch organization/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(ORGS[slug]) }).waitFor();
  return timed(
    () =>
      [...document.querySelectorAll('[role="menuitem"]')]
        .find((el) => el.textContent.includes(window.__target))
        .click(),
    () =>
      [...document.querySelectorAll('p')].some(
        (p) => p.textContent === `1–25 of ${window.__total}`,
      ),
  );
}

async function search(slug, text) {
  await page.goto(`${base}/orgs/${slug}/settings/security`);
  await page.getByText(/^1–25 of /).waitFor();
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.pressSequentially(text.slice(0, -1), { delay: 40 });
  await page.evaluate(() => {
    window.__before = document.querySelector(
      'table[aria-label="Users and their MFA status"] tbody',
    )?.textContent;
  });
  await box.focus();
  return timed(
    () => {
      const input = document.querySelector('input[type="search"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, input.value + window.__last);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    () => {
      const table = document.querySelector('table[aria-label="Users and their MFA status"]');
      return (
        table?.getAttribute('aria-busy') === 'false' &&
        table.querySelector('tbody')?.textContent !== window.__before &&
        new URL(location.href).searchParams.get('q') !== null
      );
    },
  );
}

async function selectAllAndRemind(slug) {
  await page.goto(`${base}/orgs/${slug}/settings/security?mfa=disabled`);
  await page.getByText(/^1–\d+ of /).waitFor();
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  const all = page.getByRole('button', { name: /^Select all .* users that match$/ });
  if (await all.count()) await all.click();
  // Sends to a whole filter of more than 50 people ask first: time from the click that sends.
  const remind = page.getByRole('button', { name: /^Remind \(/ });
  const confirm = page.getByRole('button', { name: /^Send .* reminders$/ });
  if (Number(((await remind.textContent()) ?? '').replace(/\D/g, '')) > 50) {
    await remind.click();
    await confirm.waitFor();
  }
  return timed(
    () =>
      (
        [...document.querySelectorAll('button')].find((b) =>
          /^Send .* reminders$/.test(b.textContent ?? ''),
        ) ??
        [...document.querySelectorAll('button')].find((b) =>
          b.getAttribute('aria-label')?.startsWith('Remind ('),
        )
      ).click(),
    // A job's progress, or the result of an immediate send (repeat runs are skipped by the cooldown).
    () =>
      [...document.querySelectorAll('p')].some((p) =>
        /^(Sending reminders: |Reminder sent to |No reminder sent)/.test(p.textContent),
      ),
  );
}

const results = {};
// Warm-up: first visits generate Initech and build the indexes.
await page.goto(`${base}/orgs/acme/settings/security`);
await page.getByText('1–25 of 48').waitFor();
results.coldInitech = await firstPage('initech');
await firstPage('acme');
for (const slug of ['acme', 'initech']) {
  const first = [];
  for (let i = 0; i < runs; i++) {
    first.push(await firstPage(slug));
    await firstPage(other[slug]);
  }
  const searches = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      window.__last = 'n';
    });
    searches.push(await search(slug, `jense${'n'}`));
  }
  const rows = await page.evaluate(() => document.querySelectorAll('tr').length);
  results[slug] = {
    firstPage: median(first),
    firstPageAll: first,
    search: median(searches),
    searchAll: searches,
    rowsInDom: rows,
  };
}
for (const slug of ['acme', 'initech']) {
  const sends = [];
  // Acme once: afterwards its 19 people are in the 24-hour cooldown and Remind is disabled.
  const times = slug === 'acme' ? 1 : Math.min(runs, 3);
  for (let i = 0; i < times; i++) sends.push(await selectAllAndRemind(slug));
  results[slug].remind = median(sends);
  results[slug].remindAll = sends;
}
const fmt = (n) => `${n.toFixed(0)} ms`;
console.log(JSON.stringify(results, null, 1));
for (const key of ['firstPage', 'search', 'remind'])
  console.log(
    `${key}: Acme ${fmt(results.acme[key])}, Initech ${fmt(results.initech[key])}, ratio ${(results.initech[key] / results.acme[key]).toFixed(2)}`,
  );
console.log(`cold first Initech visit (generates 100,000 people): ${fmt(results.coldInitech)}`);
await browser.close();
