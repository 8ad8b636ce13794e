import { coldPage } from './browser.mjs';
import { summary } from './stats.mjs';

/** Records paint and long-task entries from the very start of the document. */
const OBSERVE = () => {
  // NaN until an entry arrives: a load without an LCP or FCP entry must not record 0.
  const perf = { lcp: NaN, fcp: NaN, longTasks: [] };
  window.__bench = perf;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.lcp = e.renderTime || e.loadTime || e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

/** Lighthouse's definition: the quiet window after the last long task is 5 s. */
const QUIET_MS = 5000;

/**
 * One cold load of `url` with the CPU throttled. LCP: the last largest-contentful-paint entry.
 * TTI (Lighthouse's definition): from FCP, the end of the last long task (> 50 ms) before a
 * window of QUIET_MS with no long task and at most two requests in flight.
 */
export async function loadOnce(browser, { url, storageState, ready, cpuThrottle }) {
  const { context, page } = await coldPage(browser, { storageState, cpuThrottle });
  await page.addInitScript(OBSERVE);
  let inFlight = 0;
  let busySince = 0; // node time when more than two requests were last in flight
  const track = (delta) => {
    const before = inFlight;
    inFlight += delta;
    if (before > 2 || inFlight > 2) busySince = Date.now();
  };
  page.on('request', () => track(1));
  page.on('requestfinished', () => track(-1));
  page.on('requestfailed', () => track(-1));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`${url} never went quiet for ${QUIET_MS} ms`);
      const { now, last, fcp } = await page.evaluate(() => ({
        now: performance.now(),
        fcp: window.__bench.fcp,
        last: window.__bench.longTasks.reduce((m, [, end]) => Math.max(m, end), 0),
      }));
      const nodeToPage = now - Date.now();
      const networkQuietFrom = inFlight > 2 ? Infinity : busySince + nodeToPage;
      const quietFrom = Math.max(last, Number.isFinite(fcp) ? fcp : 0, networkQuietFrom);
      if (now - quietFrom >= QUIET_MS) break;
      await page.waitForTimeout(250);
    }
    const result = await page.evaluate(() => {
      const b = window.__bench;
      const last = b.longTasks.reduce((m, [, end]) => Math.max(m, end), 0);
      return { lcp: b.lcp, fcp: b.fcp, tti: Math.max(b.fcp, last), longTasks: b.longTasks.length };
    });
    return result;
  } finally {
    await context.close();
  }
}

/** Every target loaded `runs` times, interleaved so drift on a noisy machine hits all alike. */
export async function measureLoads(browser, targets, { runs, cpuThrottle, log }) {
  const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const r = await loadOnce(browser, { ...target, cpuThrottle });
      samples[target.name].push(r);
      log?.(
        `  load ${target.name} #${i + 1}: LCP ${r.lcp.toFixed(0)} ms, TTI ${r.tti.toFixed(0)} ms`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, rs]) => [
      name,
      {
        lcp: summary(rs.map((r) => r.lcp)),
        tti: summary(rs.map((r) => r.tti)),
        fcp: summary(rs.map((r) => r.fcp)),
      },
    ]),
  );
}
