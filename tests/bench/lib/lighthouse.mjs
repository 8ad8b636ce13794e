import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import flags from '../../chromium.json' with { type: 'json' };
import { median } from './stats.mjs';

/**
 * Lighthouse 12 (an auditor no one here wrote) on the production build against the mock server,
 * signed in (the session cookie as an extra header on every request), with its mobile defaults
 * (Moto G Power emulation, simulated slow 4G and 4× CPU). Each page `runs` times in a fresh
 * Chromium (CHROME_PATH, else tests/chromium.json's), its debugging port given (`port`), so the
 * run stays in the bench's port range. The budgets take the worst run of each figure.
 */
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const answers = (port) =>
  fetch(`http://127.0.0.1:${port}/json/version`).then(
    (r) => r.ok,
    () => false,
  );
/** The next run reuses the port: wait for this Chromium to answer, and later to be gone. */
async function untilListening(port) {
  for (let i = 0; i < 100 && !(await answers(port)); i++) await sleep(100);
}
async function untilClosed(port) {
  for (let i = 0; i < 100 && (await answers(port)); i++) await sleep(100);
}

export async function measureLighthouse({ urls, cookie, port, runs = 3, log }) {
  const pages = {};
  for (const [name, url] of Object.entries(urls)) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const chrome = await launchChrome({
        chromePath: process.env.CHROME_PATH ?? flags.executablePath,
        chromeFlags: ['--headless=new', ...flags.args],
        port,
        logLevel: 'silent',
      });
      try {
        await untilListening(port);
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookie },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
        const audit = (id) => lhr.audits[id]?.numericValue;
        const score = lhr.categories.performance?.score;
        samples.push({
          performance: typeof score === 'number' ? score * 100 : NaN,
          cls: audit('cumulative-layout-shift'),
          tbt: audit('total-blocking-time'),
          lcp: audit('largest-contentful-paint'),
          fcp: audit('first-contentful-paint'),
          tti: audit('interactive'),
          finalUrl: lhr.finalDisplayedUrl,
          warnings: lhr.runWarnings,
        });
        log?.(
          `  Lighthouse ${name} #${i + 1}: ${JSON.stringify({ ...samples.at(-1), warnings: undefined })}`,
        );
      } catch (error) {
        // A run that failed has no figures: its NaN fails the budgets (never a missing run).
        log?.(`  Lighthouse ${name} #${i + 1} failed: ${error.message}`);
        samples.push({ performance: NaN, cls: NaN, tbt: NaN, lcp: NaN, tti: NaN, finalUrl: url });
      } finally {
        await chrome.kill();
        await untilClosed(port);
      }
    }
    // A run that ended somewhere else (e.g. sign-in: the cookie was not sent) is not this page.
    const onPage = (s) => (new URL(s.finalUrl).pathname === new URL(url).pathname ? s : null);
    const valid = samples.map(onPage);
    const figure = (key, worst) => {
      const values = valid.map((s) => (s ? s[key] : NaN));
      const complete = values.every((v) => typeof v === 'number' && Number.isFinite(v));
      return {
        median: complete ? median(values) : NaN,
        [worst]: complete ? Math[worst](...values) : NaN,
        runs: values,
      };
    };
    pages[name] = {
      performance: figure('performance', 'min'),
      cls: figure('cls', 'max'),
      tbt: figure('tbt', 'max'),
      lcp: figure('lcp', 'max'),
      tti: figure('tti', 'max'),
      warnings: [...new Set(samples.flatMap((s) => s.warnings ?? []))],
    };
  }
  return { runs, formFactor: 'mobile (Lighthouse defaults)', pages };
}
