import { coldPage, WHEN } from './browser.mjs';
import { percentile } from './stats.mjs';
import { USABLE } from './usable.mjs';

/**
 * Interaction latency, INP-style (issue 17): for each interaction, from the input event to the
 * next paint after its handlers (the Event Timing API's duration, which is what INP reports),
 * with the CPU throttled. Each run is a new page view (cold cache): the page is opened, its data
 * waited for, then the interactions are done once each, in order, as a person would, each undone
 * (Escape) before the next. An interaction whose effect does not show fails the run; one that
 * shows but produced no Event Timing entry took less than the API's 16 ms threshold.
 * Long tasks from the first interaction on are recorded as well.
 */
const OBSERVE = () => {
  const perf = { events: [], longTasks: [] };
  window.__inp = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.interactionId) perf.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const THRESHOLD_MS = 16;
const escape = (page) => page.keyboard.press('Escape');
const gone = (selector) => (page) => page.locator(selector).waitFor({ state: 'detached' });

/**
 * What a person does on each page. `effect` (run in the page) says when the result is on screen:
 * the latency is the longer of the Event Timing duration and the time from the input event to
 * the first paint after the effect, so a menu whose code loads after the click counts its wait.
 */
export const INTERACTIONS = {
  profile: [
    {
      name: 'open the user menu',
      act: (page) => page.getByRole('button', { name: /user menu for/i }).click(),
      effect: () => document.querySelector('[role="menu"]') !== null,
      undo: async (page) => (await escape(page), gone('[role="menu"]')(page)),
    },
    {
      name: 'open Set up application',
      act: (page) => page.getByRole('button', { name: 'Set up application' }).first().click(),
      effect: () => document.querySelector('[role="dialog"]') !== null,
      undo: async (page) => (await escape(page), gone('[role="dialog"]')(page)),
    },
  ],
  org: [
    {
      name: 'open More on a row',
      act: (page) =>
        page
          .getByRole('button', { name: /^More actions for/ })
          .first()
          .click(),
      effect: () => document.querySelector('[role="menu"]') !== null,
      // Escape closes a row's menu only from inside it: a click outside, as a person would.
      undo: async (page) => {
        await page.getByRole('heading', { level: 1 }).click();
        await gone('[role="menu"]')(page);
      },
    },
    {
      name: 'tick a row',
      act: (page) => page.locator('tbody tr input[type="checkbox"]').first().click(),
      effect: () => document.querySelector('tbody tr input[type="checkbox"]')?.checked === true,
    },
    {
      name: 'tick "select all on this page"',
      act: (page) => page.getByRole('checkbox', { name: 'Select all on this page' }).click(),
      effect: () =>
        [...document.querySelectorAll('tbody tr input[type="checkbox"]')].every((b) => b.checked),
    },
    {
      name: 'type a character in Search',
      prepare: (page) => page.getByLabel('Search', { exact: true }).focus(),
      act: (page) => page.keyboard.press('a'),
      effect: () => document.activeElement?.value === 'a',
    },
    {
      name: 'open the MFA required dialog',
      act: (page) => page.getByRole('switch', { name: 'Enable' }).click(),
      effect: () => document.querySelector('[role="dialog"]') !== null,
      undo: async (page) => (await escape(page), gone('[role="dialog"]')(page)),
    },
  ],
};

/** Until no long task has started for `quietMs` (the page has settled after loading). */
async function settle(page, quietMs = 500, maxMs = 8000) {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const quiet = await page.evaluate((ms) => {
      const last = window.__inp.longTasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
      return performance.now() - last >= ms;
    }, quietMs);
    if (quiet) return;
    await page.waitForTimeout(100);
  }
}

export async function interactOnce(browser, { url, storageState, kind, cpuThrottle }) {
  const { context, page } = await coldPage(browser, { storageState, cpuThrottle });
  await page.addInitScript(WHEN);
  await page.addInitScript(OBSERVE);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.evaluate(
      (test) => window.__when(new Function(`return (${test})()`), 60_000),
      USABLE[kind].data.toString(),
    );
    await settle(page);
    const from = await page.evaluate(() => performance.now());
    const latencies = {};
    for (const step of INTERACTIONS[kind]) {
      await step.prepare?.(page);
      const t0 = await page.evaluate(() => performance.now());
      // In the page, armed before acting: the input event's time, then the first paint after
      // the effect shows.
      await page.evaluate((effect) => {
        const types = ['pointerdown', 'keydown'];
        const result = { input: NaN, painted: NaN };
        const first = (e) => {
          result.input = e.timeStamp;
          for (const t of types) removeEventListener(t, first, true);
        };
        for (const t of types) addEventListener(t, first, true);
        window.__inp.shown = window
          .__when(new Function(`return (${effect})()`), 10_000)
          .then(
            () =>
              new Promise((resolve) =>
                requestAnimationFrame(() =>
                  setTimeout(() => resolve({ ...result, painted: performance.now() })),
                ),
              ),
          );
        window.__inp.shown.catch(() => {});
      }, step.effect.toString());
      await step.act(page);
      const { input, painted } = await page.evaluate(() => window.__inp.shown);
      // Event Timing entries arrive after the paint that ends them.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const durations = await page.evaluate(
        (since) => window.__inp.events.filter((e) => e.start >= since).map((e) => e.duration),
        t0,
      );
      const eventTiming = durations.length ? Math.max(...durations) : THRESHOLD_MS;
      const toEffect = Number.isFinite(input) ? painted - input : NaN;
      latencies[step.name] = Math.max(eventTiming, toEffect);
      await step.undo?.(page);
    }
    const longest = await page.evaluate(
      (since) =>
        Math.max(0, ...window.__inp.longTasks.filter(([s]) => s >= since).map(([, d]) => d)),
      from,
    );
    return { latencies, longestTask: longest };
  } finally {
    await context.close();
  }
}

/** `runs` page views per target, interleaved; p75 (nearest rank) of each interaction. */
export async function measureInteractions(browser, targets, { runs, cpuThrottle, log }) {
  const out = {};
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const r = await interactOnce(browser, { ...target, cpuThrottle });
      const entry = (out[target.name] ??= { interactions: {}, longestTask: [] });
      for (const [name, ms] of Object.entries(r.latencies))
        (entry.interactions[name] ??= []).push(ms);
      entry.longestTask.push(r.longestTask);
      log?.(
        `  interactions ${target.name} #${i + 1}: ${Object.entries(r.latencies)
          .map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`)
          .join(', ')}; longest task ${r.longestTask.toFixed(0)} ms`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([name, { interactions, longestTask }]) => [
      name,
      {
        interactions: Object.fromEntries(
          Object.entries(interactions).map(([n, runsMs]) => [
            n,
            { p75: runsMs.length === runs ? percentile(runsMs, 75) : NaN, runs: runsMs },
          ]),
        ),
        longestTask: { max: Math.max(...longestTask), runs: longestTask },
      },
    ]),
  );
}
