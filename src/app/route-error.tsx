import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';

/** Per-route error boundary: a crash in one page never takes the whole console down. */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : 'This page hit an unexpected error. Reload it, or go back to your profile.';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">
          This page could not be shown
        </Title>
        <Text>{message}</Text>
        <Stack gap="xs" align="flex-start">
          <Button onClick={() => navigate(0)}>Reload</Button>
          <Button variant="subtle" onClick={() => navigate('/profile/security')}>
            Go to My profile
          </Button>
        </Stack>
      </Stack>
    </Container>
  );
}
