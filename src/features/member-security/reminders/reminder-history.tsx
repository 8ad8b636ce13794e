import { Loader, Group, Modal, Table, Text } from '@mantine/core';
import { queryKeys } from '@/api/query-keys';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { ErrorState } from '@/lib/error-state';
import { waveLabel } from '@/lib/reminder-waves';
import { zonedDateTime } from '@/lib/zoned-date';

/** One person's reminders, under the organization's members key (a send refreshes it). */
const reminderHistoryQuery = (orgSlug: string, userId: string) =>
  queryOptions({
    queryKey: queryKeys.org.reminderHistory(orgSlug, userId),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/members/{userId}/reminders', {
          params: { path: { orgSlug, userId } },
        }),
      ),
  });

/** More → Reminder history: every reminder one person received, when and by whom (or the schedule). */
export function ReminderHistoryDialog({
  orgSlug,
  userId,
  name,
  onClose,
}: {
  orgSlug: string;
  userId: string;
  name: string;
  onClose: () => void;
}) {
  const history = useQuery(reminderHistoryQuery(orgSlug, userId));
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Reminder history of ${name}`}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {history.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">Loading reminders…</Text>
        </Group>
      )}
      {history.isError && (
        <ErrorState
          error={history.error}
          title="Could not load the reminders"
          onRetry={() => void history.refetch()}
        />
      )}
      {history.isSuccess && history.data.items.length === 0 && (
        <Text size="sm">No reminders were sent to {name} from this organization.</Text>
      )}
      {history.isSuccess && history.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={280}>
          <Table aria-label={`Reminders sent to ${name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((item) => (
                <Table.Tr key={item.at + (item.by?.id ?? item.wave ?? '')}>
                  <Table.Td>
                    <time dateTime={item.at}>{zonedDateTime(item.at)}</time>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {item.by
                      ? (item.by.name ?? item.by.email)
                      : `The schedule (${item.wave ? waveLabel(item.wave) : 'a wave'})`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}
