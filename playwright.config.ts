import { defineConfig, devices } from '@playwright/test';
import flags from './tests/chromium.json' with { type: 'json' };

const port = Number(process.env.E2E_PORT ?? 5174);
/** The production build (mocks off) served by `vite preview`, its /api proxied to the mock server. */
const productionPort = port + 1;
const mockServerPort = port + 2;

/** The system Chromium and its flags, shared with the bench (tests/bench/lib/browser.mjs). */
const chromium = {
  ...devices['Desktop Chrome'],
  channel: undefined,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? flags.executablePath,
    args: flags.args,
  },
};

/**
 * End-to-end tests drive the system Chromium (Playwright cannot download browsers here). Most run
 * against the dev server, which runs the mock backend in the page (MSW), as a newcomer sees it.
 * `production.spec.ts` runs against the production build (pre-rendered pages, no mock code in
 * the page) and the mock HTTP server, as a deployment would.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['production.spec.ts', 'visual-*.spec.ts'],
      use: { ...chromium, baseURL: `http://localhost:${port}` },
    },
    {
      name: 'production',
      testMatch: 'production.spec.ts',
      use: { ...chromium, baseURL: `http://localhost:${productionPort}` },
    },
    {
      // The visual baseline (issue 17): the production build, time frozen (visual-helpers.ts).
      // Screenshots are committed per platform, Chromium 156 on Linux (tests/chromium.json).
      name: 'visual',
      testMatch: 'visual-*.spec.ts',
      snapshotPathTemplate: '{testDir}/visual-snapshots/{arg}-{platform}{ext}',
      expect: {
        timeout: 10_000,
        toHaveScreenshot: { maxDiffPixels: 0, animations: 'disabled', caret: 'hide' },
      },
      use: {
        ...chromium,
        baseURL: `http://localhost:${productionPort}`,
        timezoneId: 'UTC',
        locale: 'en-US',
      },
    },
  ],
  webServer: [
    {
      command: `npx vite --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npm run mock-server`,
      // PUBLIC_URL: the Console's address for links in e-mails (never the Host header).
      env: {
        PORT: String(mockServerPort),
        INITECH_SIZE: '1000',
        PUBLIC_URL: `http://localhost:${productionPort}`,
        // The dev controls (/__mock/*) answer only in demo mode.
        MOCK_DEMO: '1',
      },
      url: `http://127.0.0.1:${mockServerPort}/api/session`,
      // The session check answers 401 without a cookie: the server is up.
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir dist-e2e --emptyOutDir --logLevel warn && npx vite preview --outDir dist-e2e --port ${productionPort} --strictPort`,
      env: { MOCK_SERVER_URL: `http://127.0.0.1:${mockServerPort}` },
      url: `http://localhost:${productionPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
