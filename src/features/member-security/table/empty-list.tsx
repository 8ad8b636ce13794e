import { Button, Group, Stack, Text } from '@mantine/core';
import type { ListParams } from '../api';
import { hasFilter } from './view-params';

/** An empty list: no one matches the filter (with a way out), or no one is in the organization. */
export function EmptyList({
  view,
  onClearFilters,
}: {
  view: ListParams;
  onClearFilters: () => void;
}) {
  return (
    <Stack align="center" gap="xs" py="md">
      <Text size="sm">
        {hasFilter(view)
          ? `No one matches ${describeFilter(view)}.`
          : 'No one is in this organization yet.'}
      </Text>
      {hasFilter(view) && (
        <Button variant="light" size="xs" onClick={onClearFilters}>
          Clear filters
        </Button>
      )}
    </Stack>
  );
}

/** A page number beyond the list (a stale link, or people removed meanwhile). */
export function PastTheEnd({ onLastPage }: { onLastPage: () => void }) {
  return (
    <Group justify="center" gap="xs">
      <Text size="sm">This page is past the end of the list.</Text>
      <Button variant="light" size="xs" onClick={onLastPage}>
        Go to the last page
      </Button>
    </Group>
  );
}

function describeFilter(view: {
  q?: string;
  mfa?: string;
  role?: string;
  method?: string;
}): string {
  const parts = [
    view.q && `“${view.q}”`,
    view.mfa && (view.mfa === 'enabled' ? 'MFA enabled' : 'MFA not enabled'),
    view.role && `role ${view.role}`,
    view.method && (view.method === 'app' ? 'has an app' : 'has a passkey'),
  ].filter(Boolean);
  return parts.join(', ');
}
