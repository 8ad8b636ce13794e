import { Button, Group, Text } from '@mantine/core';
import { users } from './outcome';
import { eligibleCount, selectedCount, type Selection } from './selection';
import { formatCount } from '@/lib/format';

/**
 * Above the table: how many are selected, "Select all N users that match" once the whole page
 * is selected, and Remind, which names the count and is disabled when no one is eligible.
 */
export function BulkBar({
  selection,
  pageSelected,
  pageSize,
  total,
  canManage,
  sending,
  onSelectAll,
  onClear,
  onRemind,
}: {
  selection: Selection;
  pageSelected: boolean;
  pageSize: number;
  total: number;
  canManage: boolean;
  sending: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onRemind: () => void;
}) {
  const count = selectedCount(selection);
  const eligible = eligibleCount(selection);
  const skipped = count - eligible;
  const offerAll = selection.mode === 'ids' && pageSelected && total > pageSize;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" mih={36}>
      <Group gap="xs" wrap="wrap">
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            Select people to remind several at once.
          </Text>
        ) : selection.mode === 'all' ? (
          <Text size="sm" fw={500}>
            All {users(count)} that match are selected.
          </Text>
        ) : (
          <Text size="sm" fw={500}>
            {formatCount(count)} selected
            {skipped > 0 && count > 0 && (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                ({formatCount(skipped)} will be skipped: MFA already on or reminded in the last 24
                hours)
              </Text>
            )}
          </Text>
        )}
        {offerAll && (
          <Button variant="subtle" size="compact-sm" onClick={onSelectAll}>
            Select all {users(total)} that match
          </Button>
        )}
        {count > 0 && (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear}>
            Clear selection
          </Button>
        )}
      </Group>
      {canManage && (
        <Button
          onClick={onRemind}
          disabled={eligible === 0 || sending}
          loading={sending}
          aria-label={`Remind (${formatCount(count)})`}
        >
          Remind ({formatCount(count)})
        </Button>
      )}
    </Group>
  );
}
