import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config';

/**
 * Vitest for Stryker (`npm run test:mutation`): the project's test setup, but only the test files
 * of the module being mutated (MUTATION_TESTS, comma-separated globs), so a run takes minutes.
 */
const include = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);

export default defineConfig((env) => {
  const base = typeof viteConfig === 'function' ? viteConfig(env) : viteConfig;
  // Replace the include list (mergeConfig would append to it and run every test).
  // Most of these tests call the mock's handlers and pure functions: Node is enough, and much
  // faster per mutant than a fresh jsdom (MUTATION_ENVIRONMENT says which, per module).
  const environment = process.env.MUTATION_ENVIRONMENT ?? 'node';
  const setupFiles = process.env.MUTATION_SETUP === '0' ? [] : ['./tests/mutation-setup.ts'];
  return { ...base, test: { ...base.test, include, environment, setupFiles } };
});
