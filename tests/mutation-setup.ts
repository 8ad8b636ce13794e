import { test } from 'vitest';

/**
 * The test setup for mutation runs (vitest.mutation.config.ts). A mutant that breaks loading the
 * mock backend (its seed runs on import) would otherwise fail every file before any test ran, and
 * Stryker's Vitest runner counts a run without tests as "survived". Here it is one failing test.
 */
try {
  await import('./setup');
} catch (error) {
  test('the mock backend loads', () => {
    throw error;
  });
}
