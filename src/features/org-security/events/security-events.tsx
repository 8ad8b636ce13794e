import { useDeferredValue, useId, useState } from 'react';
import { Card, Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/lib/error-state';
import { EVENTS_PER_PAGE, orgSecurityQuery, securityEventsQuery } from '../api';
import { formatDateTime } from '@/lib/format';
import { eventText } from '../format';

function EventsBody({ orgSlug }: { orgSlug: string }) {
  const [page, setPage] = useState(1);
  const events = useQuery(securityEventsQuery(orgSlug, page));
  // Below the user list: its rows render in a transition, after what is on screen first, in
  // slices of a few milliseconds instead of in the same long task.
  const shown = useDeferredValue(events.data ?? null, null);
  if (events.isPending || (shown === null && !events.isError)) {
    return (
      <Stack gap="xs" role="status" aria-label="Loading security events">
        <Skeleton height={20} />
        <Skeleton height={20} />
        <Skeleton height={20} />
      </Stack>
    );
  }
  if (events.isError) {
    return (
      <ErrorState
        error={events.error}
        title="Could not load security events"
        onRetry={() => void events.refetch()}
      />
    );
  }
  if (!shown) return null;
  const { items, total } = shown;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No security events yet. Turning &quot;MFA required&quot; on or off and sending reminders are
        recorded here.
      </Text>
    );
  }
  const pages = Math.ceil(total / EVENTS_PER_PAGE);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={280}>
        <Table
          verticalSpacing="xs"
          aria-label="Security events"
          style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{eventText(event)}</Table.Td>
                <Table.Td>
                  <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {total} events
          </Text>
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': `${control} page of events` })}
            getItemProps={(p) => ({ 'aria-label': `Events page ${p}` })}
          />
        </Group>
      )}
    </Stack>
  );
}

/** Who turned enforcement on or off and who sent reminders, newest first (owners and admins). */
export function SecurityEvents({ orgSlug }: { orgSlug: string }) {
  const headingId = useId();
  const security = useQuery(orgSecurityQuery(orgSlug));
  const role = security.data?.viewer.role;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          Security events
        </Title>
        {security.isPending && (
          <Skeleton height={20} role="status" aria-label="Loading security events" />
        )}
        {security.isError && (
          <ErrorState
            error={security.error}
            title="Could not load security events"
            onRetry={() => void security.refetch()}
          />
        )}
        {role === 'member' && (
          <Text size="sm" c="dimmed">
            Only owners and admins can see the security events of this organization.
          </Text>
        )}
        {role && role !== 'member' && <EventsBody orgSlug={orgSlug} />}
      </Stack>
    </Card>
  );
}
