import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { createAppRouter, preloadPages } from '@/app/router';
import { preloadMfaDialogs } from '@/features/mfa-enrollment/mfa-security';
import { signInAs } from './api';

type Person = 'olivia' | 'adam' | 'mia' | 'gus';

/**
 * Render the real app (router, providers, query client) at `path` against the mock backend,
 * optionally signed in first through the API.
 */
export async function renderApp(path: string, options: { as?: Person; withMfa?: boolean } = {}) {
  if (options.as) await signInAs(options.as, { withMfa: options.withMfa });
  await Promise.all([preloadPages(), preloadMfaDialogs()]); // pages are code-split; a test measures the UI, not the module loading

  const app = createAppRouter({ initialPath: path });
  const user = userEvent.setup();
  const view = render(<App app={app} env="test" />);
  return { ...view, user, router: app.router, queryClient: app.queryClient, screen };
}
