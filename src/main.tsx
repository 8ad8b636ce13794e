import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppRouter, type AppOptions } from './app/router';

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
  const app = createAppRouter(options);
  // The first render has the page in it, not a loader where the page will be: its code was
  // requested with the entry's (router.tsx). On a slow network the loader shows after 300 ms.
  await Promise.race([app.pageCode, new Promise((done) => setTimeout(done, 300))]);
  createRoot(root).render(
    <StrictMode>
      <App app={app} />
    </StrictMode>,
  );
}

void start();
