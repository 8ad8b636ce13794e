import { coldPage, WHEN } from './browser.mjs';
import { summary } from './stats.mjs';

/**
 * Time to usable (issue 17): from navigation start to the moment the page's real data is on
 * screen (not a skeleton) AND its first control has answered a real click (input through the
 * DevTools protocol, as a person's). A click that the page drops (not hydrated yet, covered)
 * is repeated and counted, so a lost first click costs time instead of being hidden.
 * Long tasks from navigation to usable are recorded; the longest is reported.
 */
const OBSERVE = () => {
  const perf = { longTasks: [] };
  window.__usable = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** What "usable" means on each page, for the app and for the data floor alike. */
export const USABLE = {
  profile: {
    // The MFA status or methods are rendered (no skeleton left in the security section).
    data: () => {
      const main = document.querySelector('main');
      if (!main || main.querySelector('.mantine-Skeleton-root, [aria-busy="true"]')) return false;
      return /enabled|Set up application|Authenticator/i.test(main.textContent ?? '');
    },
    control: (page) =>
      page
        .getByRole('button', { name: /^(Set up application|Regenerate recovery codes)$/ })
        .first(),
    responded: () => document.querySelector('[role="dialog"]') !== null,
  },
  org: {
    // The whole first page of the user list (a table still rendering its rows is aria-busy), the
    // summary and the MFA required state (its switch: no skeleton left in that section).
    data: () => {
      const rows = document.querySelectorAll('tbody tr input[type="checkbox"]');
      const table = rows[0]?.closest('table');
      const required = [...document.querySelectorAll('main section')].find((s) =>
        /^MFA required/.test(s.querySelector('h2')?.textContent ?? ''),
      );
      return (
        rows.length > 0 &&
        table?.getAttribute('aria-busy') !== 'true' &&
        (!required || !required.querySelector('.mantine-Skeleton-root, [aria-busy="true"]')) &&
        /of [\d,]+ users have MFA enabled/.test(document.body.textContent)
      );
    },
    control: (page) => page.locator('tbody tr input[type="checkbox"]').first(),
    responded: () => document.querySelector('tbody tr input[type="checkbox"]')?.checked === true,
  },
};

export async function usableOnce(browser, { url, storageState, kind, cpuThrottle }) {
  const spec = USABLE[kind];
  const { context, page } = await coldPage(browser, { storageState, cpuThrottle });
  await page.addInitScript(WHEN);
  await page.addInitScript(OBSERVE);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const dataAt = await page.evaluate(
      (test) => window.__when(new Function(`return (${test})()`), 60_000),
      spec.data.toString(),
    );
    let clicks = 0;
    let usableAt = NaN;
    while (clicks < 20 && !Number.isFinite(usableAt)) {
      clicks += 1;
      await spec.control(page).click({ timeout: 30_000, force: clicks > 1 });
      usableAt = await page
        .evaluate(
          (test) => window.__when(new Function(`return (${test})()`), 500),
          spec.responded.toString(),
        )
        .catch(() => NaN);
    }
    const longest = await page.evaluate(() => Math.max(0, ...window.__usable.longTasks));
    return { data: dataAt, usable: usableAt, clicks, longestTask: longest };
  } finally {
    await context.close();
  }
}

/** Each target `runs` times, interleaved (app and floor alike), cold cache, CPU throttled. */
export async function measureUsable(browser, targets, { runs, cpuThrottle, log }) {
  const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const r = await usableOnce(browser, { ...target, cpuThrottle });
      samples[target.name].push(r);
      log?.(
        `  usable ${target.name} #${i + 1}: data ${r.data.toFixed(0)} ms, usable ${r.usable.toFixed(0)} ms, ${r.clicks} click(s), longest task ${r.longestTask.toFixed(0)} ms`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, rs]) => [
      name,
      {
        data: summary(rs.map((r) => r.data)),
        usable: summary(rs.map((r) => r.usable)),
        longestTask: summary(rs.map((r) => r.longestTask)),
        lostClicks: rs.reduce((n, r) => n + r.clicks - 1, 0),
      },
    ]),
  );
}
