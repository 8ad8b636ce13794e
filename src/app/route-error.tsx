import { Component, type ReactNode } from 'react';
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { PageCommitted } from './first-load/page-committed';

/** What a page that crashed shows instead: a crash in one page never takes the whole console down. */
export function RouteError() {
  const navigate = useNavigate();
  return (
    <Container size="sm" py="xl">
      <PageCommitted />
      <Stack>
        <Title order={1} size="h2">
          This page could not be shown
        </Title>
        <Text>This page hit an unexpected error. Reload it, or go back to your profile.</Text>
        <Stack gap="xs" align="flex-start">
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Button variant="subtle" onClick={() => void navigate('/profile/security')}>
            Go to My profile
          </Button>
        </Stack>
      </Stack>
    </Container>
  );
}

class Boundary extends Component<{ resetKey: string; children: ReactNode }, { error: unknown }> {
  state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  componentDidUpdate(previous: { resetKey: string }) {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }
  render() {
    return this.state.error ? <RouteError /> : this.props.children;
  }
}

/**
 * Error boundary of a page (a render error, or its code failing to download): shows RouteError
 * and lets the person navigate away; going to another page clears it.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
