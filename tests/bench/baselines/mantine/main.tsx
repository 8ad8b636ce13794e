import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Card, Container, MantineProvider, Stack, Text, Title } from '@mantine/core';
import '@mantine/core/styles.css';

/**
 * The kit's own cost: Mantine set up as its documentation says (provider + the full stylesheet),
 * rendering a card like the app's first page, with no router, data layer or app code.
 */
function Page() {
  return (
    <Container size="md" py="xl">
      <Stack>
        <Title order={1}>Security</Title>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              Multi-factor authentication
            </Title>
            <Text>Multi-factor authentication protects your account with a code from an app.</Text>
            <Button w="fit-content">Set up authenticator app</Button>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider defaultColorScheme="auto">
        <Page />
      </MantineProvider>
    </StrictMode>,
  );
}
