import { mountApp } from './app/first-load/mount';
import type { AppOptions } from './app/router';

/**
 * In mock mode (dev server, or a demo build with VITE_ENABLE_MOCKS=true) the mock backend starts
 * before the first render. `__MOCKS__` is a build-time constant, so production bundles contain
 * none of the mock code, the dev tools or the demo secrets.
 */
async function start() {
  let options: AppOptions = {};
  if (__MOCKS__) {
    const [{ startMockBackend }, { DevTools }, { DEMO_ACCOUNTS, DEMO_PASSWORD }] =
      await Promise.all([
        import('./mocks/browser'),
        import('./mocks/devtools'),
        import('./mocks/seed'),
      ]);
    await startMockBackend();
    options = {
      demo: {
        accounts: DEMO_ACCOUNTS,
        password: DEMO_PASSWORD,
        note: `Mock backend only. Every account's password is ${DEMO_PASSWORD}; accounts with MFA still ask for a code (Dev tools → Live codes).`,
      },
      devtools: <DevTools />,
    };
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  await mountApp(root, options);
}

void start();
