/**
 * StrykerJS (9.6, Vitest runner) for the security modules. Run through `npm run test:mutation`
 * (tools/mutation/run.mjs), which sets `--mutate` and MUTATION_TESTS for one module at a time.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${process.env.MUTATION_MODULE ?? 'all'}.json` },
  tempDirName: `.stryker-tmp-${process.env.MUTATION_MODULE ?? 'all'}`,
  // Other modules' sandboxes and build output are not part of a sandbox.
  ignorePatterns: [
    '/.stryker-tmp*',
    '/reports',
    '/dist',
    '/dist-demo',
    '/test-results',
    '/bench-results',
  ],
  cleanTempDir: 'always',
  // Generous: on a shared 2-core machine a slow run of a static mutant (every test of the module)
  // was otherwise reported as a timeout, i.e. counted as detected, though no test failed.
  timeoutMS: Number(process.env.STRYKER_TIMEOUT_MS ?? 60000),
  thresholds: { high: 90, low: 80, break: null },
  plugins: ['@stryker-mutator/vitest-runner'],
};
