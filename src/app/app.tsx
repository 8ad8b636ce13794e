import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import type { AppInstance } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App({ app, env }: { app: AppInstance; env?: 'test' }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={env}
    >
      <QueryClientProvider client={app.queryClient}>
        <ModalsProvider>
          <Notifications position="top-right" />
          <RouterProvider router={app.router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
