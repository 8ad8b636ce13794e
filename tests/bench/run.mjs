#!/usr/bin/env node
/**
 * `npm run bench [-- --check] [--size-only] [--runs N] [--out FILE]`
 * Builds the app and the baselines, serves the production build against the mock HTTP server,
 * drives the system Chromium and prints size, load, scale and mock-server figures with ratios
 * against baselines measured in the same run. See the README, Performance.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ADAM, chromiumVersion, launch, signedInState } from './lib/browser.mjs';
import { buildAll } from './lib/build.mjs';
import { checks } from './lib/budgets.mjs';
import { measureInteractions } from './lib/inp.mjs';
import { measureLoads } from './lib/load.mjs';
import { measureMockList } from './lib/mock.mjs';
import { measureUsable } from './lib/usable.mjs';
import { render } from './lib/report.mjs';
import { measureScale, SCALE_SIZES } from './lib/scale.mjs';
import { serveStatic, startMockServer } from './lib/servers.mjs';
import { distSize, measureFirstPage, mockCodeIn } from './lib/size.mjs';
import { ratio } from './lib/stats.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'size-only': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    'no-load': { type: 'boolean', default: false },
    'no-usable': { type: 'boolean', default: false },
    'no-inp': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    // Medians of 7: with 5, a ratio of two medians moved by up to ±20 % between runs here.
    runs: { type: 'string', default: '7' },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const runs = Math.max(5, Number(args.runs));
const log = (message) => console.log(message);
const detail = args.verbose ? log : undefined;

/**
 * Ports of this benchmark: BENCH_PORT_BASE (default 4310) and the 7 after it, so a run fits any
 * range of 8 ports given to it (two runs side by side, or beside the e2e servers on 5174-5176).
 * The scale sizes run one after the other and reuse one pair.
 */
const BASE = Number(process.env.BENCH_PORT_BASE ?? 4310);
if (!Number.isInteger(BASE) || BASE < 1024 || BASE > 65_527)
  throw new Error(`BENCH_PORT_BASE must be a port number (1024-65527), not ${BASE}`);
const PORT = {
  mock: BASE,
  app: BASE + 1,
  react: BASE + 2,
  mantine: BASE + 3,
  floor: BASE + 4,
  scaleMock: BASE + 5,
  scaleApp: BASE + 6,
  lighthouse: BASE + 7, // Chromium's debugging port for Lighthouse
};

const noLoaders = (page) =>
  page.waitForFunction(
    () =>
      document.querySelector('h1') !== null &&
      !document.querySelector(
        '[aria-label^="Loading"], [aria-busy="true"], .mantine-Skeleton-root',
      ),
    undefined,
    { timeout: 30_000 },
  );
const READY = {
  baseline: (page) => page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 }),
  profile: async (page) => {
    await page
      .getByRole('heading', { name: 'Multi-factor authentication' })
      .waitFor({ timeout: 30_000 });
    await noLoaders(page);
  },
  org: async (page) => {
    await page.getByRole('heading', { name: 'MFA required' }).first().waitFor({ timeout: 30_000 });
    await noLoaders(page);
  },
};

/**
 * API latency of the mock server behind the app in the size and load runs: a realistic round trip
 * to a real backend, instead of zero over loopback. The scale runs keep 0 ms, so that their
 * 100k / 1k ratios compare the work alone (latency common to both sizes would shrink them).
 */
const API_LATENCY_MS = 40;

const cleanups = [];
async function main() {
  const started = performance.now();
  const outRoot = mkdtempSync(join(tmpdir(), 'nimbus-bench-'));
  cleanups.push(async () => rmSync(outRoot, { recursive: true, force: true }));

  log('Building the app and the baselines…');
  const built = await buildAll({ projectRoot, outRoot });
  log(`  built in ${built.seconds.toFixed(1)} s`);

  const mock = await startMockServer({
    port: PORT.mock,
    initechSize: 1000,
    cwd: projectRoot,
    latencyMs: API_LATENCY_MS,
  });
  cleanups.push(mock.close);
  const servers = {
    app: await serveStatic({ root: built.app, port: PORT.app, apiTarget: mock.url }),
    react: await serveStatic({ root: built.react, port: PORT.react }),
    mantine: await serveStatic({ root: built.mantine, port: PORT.mantine }),
    // The data floor page calls the same mock API as the app, on its own origin (its own cookie).
    floor: await serveStatic({ root: built.floor, port: PORT.floor, apiTarget: mock.url }),
  };
  for (const s of Object.values(servers)) cleanups.push(s.close);

  const browser = await launch();
  cleanups.push(() => browser.close());
  const storageState = await signedInState(browser, servers.app.url, mock.url);
  const floorState = await signedInState(browser, servers.floor.url, mock.url);

  const results = {
    meta: {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}`,
      chromium: await chromiumVersion(browser),
      runs,
      apiLatencyMs: { loadAndSize: API_LATENCY_MS, scale: 0 },
      options: { sizeOnly: args['size-only'], check: args.check },
    },
  };

  log('Size: first page and dist…');
  /** One build's dist/ and what its first page fetches. */
  const sizeOf = async (dir, target) => ({
    dist: distSize(dir),
    firstPage: await measureFirstPage(browser, target, runs),
  });
  const app = await sizeOf(built.app, {
    url: `${servers.app.url}/profile/security`,
    storageState,
    ready: READY.profile,
    kind: 'profile',
  });
  const react = await sizeOf(built.react, { url: servers.react.url, ready: READY.baseline });
  const mantine = await sizeOf(built.mantine, { url: servers.mantine.url, ready: READY.baseline });
  results.size = {
    app,
    react,
    mantine,
    mockCode: mockCodeIn(built.app),
    ratios: {
      firstPageJsVsReact: ratio(app.firstPage.js.median, react.firstPage.js.median),
      firstPageJsVsMantine: ratio(app.firstPage.js.median, mantine.firstPage.js.median),
      firstPageCssVsMantine: ratio(app.firstPage.css.median, mantine.firstPage.css.median),
      distVsReact: ratio(app.dist.all, react.dist.all),
      distVsMantine: ratio(app.dist.all, mantine.dist.all),
    },
  };

  if (!args['size-only'] && !args['no-load']) {
    log(`Load: ${runs} cold loads per page, CPU 4× slower…`);
    const pages = await measureLoads(
      browser,
      [
        { name: 'Mantine page', url: servers.mantine.url, ready: READY.baseline },
        {
          name: '/profile/security',
          url: `${servers.app.url}/profile/security`,
          storageState,
          ready: READY.profile,
        },
        {
          name: '/orgs/acme/settings/security',
          url: `${servers.app.url}/orgs/acme/settings/security`,
          storageState,
          ready: READY.org,
        },
      ],
      { runs, cpuThrottle: 4, log: detail },
    );
    const base = pages['Mantine page'];
    results.load = {
      cpuThrottle: 4,
      pages,
      ratios: Object.fromEntries(
        Object.entries(pages)
          .filter(([name]) => name !== 'Mantine page')
          .map(([name, v]) => [
            name,
            {
              lcp: ratio(v.lcp.median, base.lcp.median),
              tti: ratio(v.tti.median, base.tti.median),
            },
          ]),
      ),
    };
  }
  if (!args['size-only'] && !args['no-usable']) {
    log(`Time to usable: ${runs} cold loads per page and build, CPU 4× slower…`);
    const pages = {
      '/profile/security': 'profile',
      '/orgs/acme/settings/security': 'org',
    };
    const targets = Object.entries(pages).flatMap(([path, kind]) => [
      { name: `app ${path}`, url: `${servers.app.url}${path}`, storageState, kind },
      {
        name: `floor ${path}`,
        url: `${servers.floor.url}${path}`,
        storageState: floorState,
        kind,
      },
    ]);
    const measured = await measureUsable(browser, targets, { runs, cpuThrottle: 4, log: detail });
    results.usable = {
      cpuThrottle: 4,
      pages: Object.fromEntries(
        Object.keys(pages).map((path) => {
          const app = measured[`app ${path}`];
          const floor = measured[`floor ${path}`];
          return [path, { app, floor, ratio: ratio(app.usable.median, floor.usable.median) }];
        }),
      ),
    };
  }
  if (!args['size-only'] && !args['no-inp']) {
    const inpRuns = Math.max(10, runs);
    log(`Interactions: ${inpRuns} page views per page, CPU 4× slower…`);
    // Set up application is offered to someone without MFA: Adam (an admin of Acme).
    const adamState = await signedInState(browser, servers.app.url, mock.url, ADAM);
    results.interactions = {
      cpuThrottle: 4,
      runs: inpRuns,
      pages: await measureInteractions(
        browser,
        [
          {
            name: '/profile/security',
            url: `${servers.app.url}/profile/security`,
            storageState: adamState,
            kind: 'profile',
          },
          {
            name: '/orgs/acme/settings/security',
            url: `${servers.app.url}/orgs/acme/settings/security`,
            storageState,
            kind: 'org',
          },
        ],
        { runs: inpRuns, cpuThrottle: 4, log: detail },
      ),
    };
  }
  if (!args['size-only'] && !args['no-lighthouse']) {
    log('Lighthouse: mobile defaults, both pages…');
    const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // Imported here: the size-only run (CI) does not load Lighthouse.
    const { measureLighthouse } = await import('./lib/lighthouse.mjs');
    results.lighthouse = await measureLighthouse({
      urls: {
        '/profile/security': `${servers.app.url}/profile/security`,
        '/orgs/acme/settings/security': `${servers.app.url}/orgs/acme/settings/security`,
      },
      cookie,
      port: PORT.lighthouse,
      runs: 3,
      log: detail,
    });
  }
  if (!args['size-only'] && !args['no-scale']) {
    {
      log(
        `Scale: organizations of ${SCALE_SIZES.map((s) => s.toLocaleString('en')).join(' / ')} users…`,
      );
      const scale = await measureScale(browser, {
        projectRoot,
        appDir: built.app,
        runs,
        ports: PORT,
        log: detail,
        onLargest: async ({ mockUrl, storageState: state }) => {
          log('Mock server: list requests at 100,000 users…');
          results.mock = await measureMockList({
            mockUrl,
            storageState: state,
            orgSlug: 'initech',
          });
        },
      });
      results.scale = scale;
    }
  }

  results.meta.seconds = Math.round((performance.now() - started) / 1000);
  const budgetChecks = checks(results);
  results.checks = budgetChecks;
  log(render(results, budgetChecks));
  log(`\nFinished in ${results.meta.seconds} s.`);

  const json = JSON.stringify(results, null, 2);
  const latest = join(projectRoot, 'bench-results/latest.json');
  mkdirSync(dirname(latest), { recursive: true });
  writeFileSync(latest, json);
  if (args.out) {
    mkdirSync(dirname(resolve(args.out)), { recursive: true });
    writeFileSync(resolve(args.out), json);
  }
  log(`Figures written to ${latest}${args.out ? ` and ${resolve(args.out)}` : ''}.`);
  const broken = budgetChecks.filter((c) => !c.pass);
  if (args.check && broken.length > 0) {
    console.error(`\n${broken.length} budget(s) broken: ${broken.map((c) => c.name).join('; ')}`);
    process.exitCode = 1;
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 2;
  })
  .finally(cleanup);
