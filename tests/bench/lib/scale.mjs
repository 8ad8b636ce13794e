import { coldPage, forgetUsedCodes, heapUsed, signedInState } from './browser.mjs';
import { serveStatic, startMockServer } from './servers.mjs';
import { ratio, summary } from './stats.mjs';

export const SCALE_SIZES = [1_000, 10_000, 100_000];
const PAGE = '/orgs/initech/settings/security';
const SEARCH = 'fischer';

export const SCALE_FIGURES = [
  {
    key: 'firstPageColdServer',
    label: 'time to first page, server cold (generates and indexes Initech)',
    unit: 'ms',
    budget: false, // the mock's one-time generation grows with the size: shown, not budgeted
  },
  { key: 'firstPage', label: 'time to first page (server warm, page cold)', unit: 'ms' },
  { key: 'nextPage', label: 'next page', unit: 'ms' },
  { key: 'sort', label: 'sort → results', unit: 'ms' },
  {
    key: 'remindAll',
    label: 'select all that match + Remind → outcome, or first progress of the job',
    unit: 'ms',
  },
  { key: 'search', label: 'search → results', unit: 'ms' },
  { key: 'domRows', label: 'rows in the DOM (max)', unit: 'count' },
  { key: 'heapFirst', label: 'JS heap after the first page', unit: 'bytes' },
  { key: 'heap', label: 'JS heap after the last step', unit: 'bytes' },
];

/**
 * In-page probes: the table's state, and a waiter that resolves with performance.now() at the
 * first DOM change where a condition holds (MutationObserver, plus a frame loop as a backstop),
 * so times are taken in the page, not from the driver's polling.
 */
const PROBES = () => {
  const table = () => document.querySelector('table[aria-label="Users and their MFA status"]');
  const rows = () => [...(table()?.querySelectorAll('tbody tr:not([aria-hidden="true"])') ?? [])];
  const idle = () => table()?.getAttribute('aria-busy') === 'false';
  const conditions = {
    firstPage: () => idle() && rows().length > 0,
    rowsChanged: (before) => idle() && rows().length > 0 && rows()[0].textContent !== before,
    allRowsMatch: (q) =>
      idle() && rows().length > 0 && rows().every((r) => r.textContent.toLowerCase().includes(q)),
    reminderOutcome: () => {
      // The same work at every size: a send's outcome, or a job's first people processed (a job
      // that has only been accepted has done nothing yet).
      const job = document.querySelector('[aria-label^="Reminder job:"]');
      if (job) {
        const done = /Reminder job: ([\d,]+) of/.exec(job.getAttribute('aria-label') ?? '');
        return done && Number(done[1].replace(/,/g, '')) > 0 ? 'job' : false;
      }
      // Only the user list's own notices: the rollout schedule above it is an alert too.
      const list = document.querySelector('section[aria-labelledby="user-security-settings"]');
      const status = list?.querySelector('.mantine-Alert-root[role="status"]');
      if (status) return 'sent';
      const error = list?.querySelector('.mantine-Alert-root[role="alert"]');
      if (error) throw new Error(error.textContent ?? 'error');
      return false;
    },
  };
  window.__scale = {
    t0: NaN,
    firstRow: () => rows()[0]?.textContent ?? '',
    domRows: () => document.querySelectorAll('tr').length,
    arm(type) {
      window.__scale.t0 = NaN;
      document.addEventListener(type, (e) => (window.__scale.t0 = e.timeStamp), {
        capture: true,
        once: true,
      });
    },
    wait(kind, arg, timeout = 60_000) {
      return new Promise((resolve, reject) => {
        let done = false;
        const check = () => {
          if (done) return;
          try {
            const value = conditions[kind](arg);
            if (value) {
              done = true;
              observer.disconnect();
              resolve({ at: performance.now(), value });
            }
          } catch (error) {
            done = true;
            observer.disconnect();
            reject(error);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const frame = () => {
          check();
          if (!done) requestAnimationFrame(frame);
        };
        frame();
        setTimeout(() => {
          if (!done) reject(new Error(`timed out waiting for ${kind}`));
        }, timeout);
      });
    },
  };
};

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
}

/**
 * A fresh demo world of `size` users, signed in. `warm`: Initech generated and its member index
 * built by a first request (otherwise the page's first request does it: a cold server).
 */
async function freshWorld(browser, { mockUrl, appUrl, size, warm = true }) {
  await post(`${mockUrl}/__mock/reset`);
  await post(`${mockUrl}/__mock/config`, { initechSize: size });
  forgetUsedCodes(mockUrl);
  const storageState = await signedInState(browser, appUrl, mockUrl);
  if (!warm) return storageState;
  const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const first = await fetch(`${mockUrl}/api/orgs/initech/members?page=1&perPage=25&sort=name`, {
    headers: { cookie },
  });
  const page = await first.json();
  if (page.total !== size) throw new Error(`Initech has ${page.total} members, expected ${size}`);
  return storageState;
}

/** Start waiting in the page, perform the action, and return the time from its event to the result. */
async function timed(page, { event, kind, arg }, action) {
  await page.evaluate((type) => window.__scale.arm(type), event);
  const waiting = page.evaluate(([k, a]) => window.__scale.wait(k, a), [kind, arg]);
  waiting.catch(() => {});
  await action();
  const { at, value } = await waiting;
  const t0 = await page.evaluate(() => window.__scale.t0);
  if (!Number.isFinite(t0)) throw new Error(`no ${event} event was seen`);
  return { ms: at - t0, value };
}

/** The first page only, on a cold page against a cold server (from navigation start). */
async function firstPageOnly(browser, { appUrl, storageState }) {
  const { context, page } = await coldPage(browser, { storageState });
  await page.addInitScript(PROBES);
  try {
    await page.goto(`${appUrl}${PAGE}`);
    return (await page.evaluate(() => window.__scale.wait('firstPage'))).at;
  } finally {
    await context.close();
  }
}

/** One run of the scenario on a cold page. */
async function scenario(browser, { appUrl, storageState }) {
  const { context, page, cdp } = await coldPage(browser, { storageState });
  await page.addInitScript(PROBES);
  const r = { domRows: 0 };
  const rowsNow = async () =>
    (r.domRows = Math.max(r.domRows, await page.evaluate(() => window.__scale.domRows())));
  try {
    await page.goto(`${appUrl}${PAGE}`);
    const first = await page.evaluate(() => window.__scale.wait('firstPage'));
    r.firstPage = first.at; // from navigation start
    await rowsNow();
    r.heapFirst = await heapUsed(cdp);

    let before = await page.evaluate(() => window.__scale.firstRow());
    r.nextPage = (
      await timed(page, { event: 'click', kind: 'rowsChanged', arg: before }, () =>
        page.getByRole('button', { name: 'next page' }).click(),
      )
    ).ms;
    await rowsNow();

    before = await page.evaluate(() => window.__scale.firstRow());
    r.sort = (
      await timed(page, { event: 'click', kind: 'rowsChanged', arg: before }, () =>
        page
          .getByRole('columnheader', { name: /^Person/ })
          .getByRole('button')
          .click(),
      )
    ).ms;
    await rowsNow();

    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    const remind = await timed(page, { event: 'click', kind: 'reminderOutcome' }, async () => {
      await page.getByRole('button', { name: /^Select all .* that match$/ }).click();
      await page.getByRole('button', { name: /^Remind \(/ }).click();
      await page.getByRole('button', { name: /^Send .* reminders$/ }).click();
    });
    r.remindAll = remind.ms;
    r.remindOutcome = remind.value;
    await rowsNow();

    r.search = (
      await timed(page, { event: 'input', kind: 'allRowsMatch', arg: SEARCH }, () =>
        page.getByLabel('Search', { exact: true }).fill(SEARCH),
      )
    ).ms;
    await rowsNow();
    r.heap = await heapUsed(cdp);
    // Stop a reminder job this run started (as its sender could): otherwise the mock server keeps
    // sending (and collecting garbage) for seconds, and the next run's figures measure that.
    // A job of 10,000 may finish between the check and the click: then there is nothing to stop.
    const cancel = page.getByRole('button', { name: 'Cancel sending' });
    if (await cancel.isVisible()) {
      await cancel.click({ timeout: 5_000 }).catch(() => {});
      await cancel.waitFor({ state: 'detached', timeout: 15_000 });
    }
    return r;
  } finally {
    await context.close();
  }
}

/**
 * For each size, its own mock server process (INITECH_SIZE) and static server; `runs` cold runs
 * of the scenario, each on a freshly reset world (reminder cooldowns and rate limits would
 * otherwise change the later runs).
 */
export async function measureScale(browser, { projectRoot, appDir, runs, ports, log, onLargest }) {
  const sizes = {};
  for (const size of SCALE_SIZES) {
    const mock = await startMockServer({
      port: ports.scaleMock,
      initechSize: size,
      cwd: projectRoot,
    });
    const app = await serveStatic({ root: appDir, port: ports.scaleApp, apiTarget: mock.url });
    try {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const coldState = await freshWorld(browser, {
          mockUrl: mock.url,
          appUrl: app.url,
          size,
          warm: false,
        });
        const firstPageColdServer = await firstPageOnly(browser, {
          appUrl: app.url,
          storageState: coldState,
        });
        const storageState = await freshWorld(browser, {
          mockUrl: mock.url,
          appUrl: app.url,
          size,
        });
        const r = {
          firstPageColdServer,
          ...(await scenario(browser, { appUrl: app.url, storageState })),
        };
        samples.push(r);
        log?.(`  ${size} #${run + 1}: ${JSON.stringify(r)}`);
      }
      sizes[size.toLocaleString('en')] = {
        ...Object.fromEntries(
          SCALE_FIGURES.map((f) => [f.key, summary(samples.map((s) => s[f.key]))]),
        ),
        remindOutcome: samples.map((s) => s.remindOutcome),
      };
      if (size === SCALE_SIZES.at(-1) && onLargest) {
        const storageState = await freshWorld(browser, {
          mockUrl: mock.url,
          appUrl: app.url,
          size,
        });
        await onLargest({ mockUrl: mock.url, storageState });
      }
    } finally {
      await app.close();
      await mock.close();
    }
  }
  const small = sizes[SCALE_SIZES[0].toLocaleString('en')];
  const large = sizes[SCALE_SIZES.at(-1).toLocaleString('en')];
  return {
    figures: SCALE_FIGURES,
    sizes,
    ratios: Object.fromEntries(
      SCALE_FIGURES.filter((f) => f.budget !== false).map((f) => [
        f.key,
        ratio(large[f.key].median, small[f.key].median),
      ]),
    ),
    shown: Object.fromEntries(
      SCALE_FIGURES.filter((f) => f.budget === false).map((f) => [
        f.key,
        ratio(large[f.key].median, small[f.key].median),
      ]),
    ),
  };
}
