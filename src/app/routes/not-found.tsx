import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <Stack align="flex-start" p="md">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>There is no page at this address. It may have moved, or the link is mistyped.</Text>
      <Button component={Link} to="/profile/security">
        Go to My profile
      </Button>
    </Stack>
  );
}
