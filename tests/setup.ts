import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from '@/mocks/node';
import { resetDemoData } from '@/mocks/control';
import { clock } from '@/mocks/db';
import { transport } from '@/mocks/sessions';

// jsdom lacks these browser APIs that Mantine uses (node-environment tests have no window).
if (typeof window !== 'undefined') installBrowserStubs();

function installBrowserStubs() {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = ResizeObserverStub;
  HTMLElement.prototype.scrollIntoView = () => {};
  window.HTMLElement.prototype.hasPointerCapture = () => false;
}

/** Tests run on a fixed clock: TOTP steps, expiries and cooldowns move only when a test says. */
export const TEST_NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

beforeAll(() => {
  transport.mode = 'jar';
  server.listen({ onUnhandledRequest: 'error' });
});
/**
 * The UI reads Date.now() (relative times, the 24-hour rule for reminders); the mock backend
 * reads its clock. Both start at TEST_NOW in every test, so no result depends on the day the
 * tests run (Date still moves on with real time, for timeouts and animations).
 */
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });

beforeEach(() => {
  resetDemoData(TEST_NOW);
  clock.set(TEST_NOW);
  vi.setSystemTime(TEST_NOW);
});
afterEach(() => {
  if (typeof window !== 'undefined') cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
