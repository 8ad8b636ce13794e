import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { coldPage } from './browser.mjs';
import { summary } from './stats.mjs';
import { USABLE } from './usable.mjs';

export const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** gzip bytes of every file of a build, by kind. */
export function distSize(dir) {
  const totals = { js: 0, css: 0, other: 0, all: 0, files: 0 };
  for (const path of walk(dir)) {
    const bytes = gzipBytes(readFileSync(path));
    const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : 'other';
    totals[kind] += bytes;
    totals.all += bytes;
    totals.files += 1;
  }
  return totals;
}

/** Markers of the mock backend that must never reach a production build. */
const MOCK_MARKERS = ['mockServiceWorker', 'setupWorker', 'nimbus-mock-backend', '__mock/', 'msw/'];

export function mockCodeIn(dir) {
  const found = [];
  for (const path of walk(dir)) {
    const name = relative(dir, path);
    if (name.includes('mockServiceWorker')) found.push(name);
    const text = readFileSync(path, 'utf8');
    for (const marker of MOCK_MARKERS)
      if (text.includes(marker)) found.push(`${marker} in ${name}`);
  }
  return found;
}

/** In the page: performance.now() at the first DOM change where the page's data is on screen. */
const DATA_AT = (test) => {
  const check = () => {
    if (window.__dataAt !== undefined || !new Function(`return (${test})()`)()) return;
    window.__dataAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
};

/**
 * Load `url` in a cold context and count, once each, the JS and CSS responses it fetched until
 * the page is ready and the network is idle (so lazily loaded chunks the page needs count too).
 * With `kind` (an app page), each file is also sorted by when it was requested: before the
 * page's data was on screen (what showing the page took), or after (code preloaded for what the
 * page offers next, e.g. its dialogs). Both are reported; the budget is on the first.
 */
export async function firstPageAssets(browser, { url, storageState, ready, kind }) {
  const { context, page } = await coldPage(browser, { storageState });
  if (kind) await page.addInitScript(DATA_AT, USABLE[kind].data.toString());
  const seen = new Map();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const key = response.url();
    if (!seen.has(key)) seen.set(key, { type, body: response.body().catch(() => Buffer.alloc(0)) });
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => ({
      dataAt: window.__dataAt ?? null,
      starts: Object.fromEntries(
        performance.getEntriesByType('resource').map((e) => [e.name, e.startTime]),
      ),
    }));
    if (kind && timing.dataAt === null) throw new Error(`${url}: its data never showed`);
    const files = [];
    for (const [key, { type, body }] of seen) {
      const bytes = await body;
      const after = kind ? (timing.starts[key] ?? 0) > timing.dataAt : false;
      files.push({
        url: new URL(key).pathname,
        type,
        raw: bytes.length,
        gzip: gzipBytes(bytes),
        afterData: after,
      });
    }
    const sum = (type, afterData) =>
      files
        .filter((f) => f.type === type && (afterData === undefined || f.afterData === afterData))
        .reduce((s, f) => s + f.gzip, 0);
    return {
      js: sum('script', false),
      css: sum('stylesheet', false),
      jsAfterData: sum('script', true),
      jsUntilIdle: sum('script'),
      files,
    };
  } finally {
    await context.close();
  }
}

/** The first page's JS/CSS, measured `runs` times (a build is deterministic; the spread shows it). */
export async function measureFirstPage(browser, options, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await firstPageAssets(browser, options));
  return {
    js: summary(results.map((r) => r.js)),
    css: summary(results.map((r) => r.css)),
    jsAfterData: summary(results.map((r) => r.jsAfterData)),
    jsUntilIdle: summary(results.map((r) => r.jsUntilIdle)),
    files: results[0].files.map(({ url, type, gzip, afterData }) => ({
      url,
      type,
      gzip,
      afterData,
    })),
  };
}
