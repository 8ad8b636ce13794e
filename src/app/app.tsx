import { lazy, Suspense, useEffect, useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
// Mantine's styles come per component with the modules that use them (tools/mantine-css-plugin.ts).
// Here, in the entry: the styles the pre-rendered pages show before any JS has run (the build
// checks that none is missing), and Input's, which theme.css overrides at the same specificity.
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Skeleton.css';
import '@mantine/core/styles/Input.css';
import './theme.css';
import type { AppInstance } from './router';
import { cssVariablesResolver, theme } from './theme';

const NotificationsContainer = lazy(() =>
  import('./shell/notifications-container').then((m) => ({ default: m.NotificationsContainer })),
);

/**
 * The notifications container (and its styles) load with the first notification shown, not with
 * the first page: `notifications.show()` only writes to the store, which the container renders
 * once mounted, at the same place as if it had always been there.
 */
function LazyNotifications() {
  const { notifications, queue } = useNotifications();
  const wanted = notifications.length + queue.length > 0;
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (wanted) setMounted(true);
  }, [wanted]);
  if (!mounted && !wanted) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  );
}

export function App({ app, env }: { app: AppInstance; env?: 'test' }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={env}
    >
      <QueryClientProvider client={app.queryClient}>
        <LazyNotifications />
        {app.routes}
      </QueryClientProvider>
    </MantineProvider>
  );
}
