import { useId, type Ref } from 'react';
import { Button, Group, Text } from '@mantine/core';
import type { ReminderPreview } from '../api';
import { previewSkippedText, remindLabel, users } from './outcome';
import { eligibleCount, selectedCount, type Selection } from '../table/selection';
import { formatCount } from '@/lib/format';

export interface PreviewState {
  /** The server's answer for the current selection (absent while it is being asked). */
  data: ReminderPreview | undefined;
  failed: boolean;
}

/**
 * Above the table: how many are selected, "Select all N users that match" once the whole page
 * is selected, and Remind, which names how many will actually get an e-mail (the server's
 * preview) and says beforehand who is skipped and why.
 */
export function BulkBar({
  selection,
  pageSelected,
  pageSize,
  total,
  canManage,
  sending,
  preview,
  remindRef,
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
  preview: PreviewState;
  remindRef?: Ref<HTMLButtonElement>;
  onSelectAll: () => void;
  onClear: () => void;
  onRemind: () => void;
}) {
  const skippedId = useId();
  const count = selectedCount(selection);
  const local = eligibleCount(selection);
  const known = count === 0 ? 0 : (preview.data?.wouldSend ?? null);
  // By hand: what we know of each person is a good first answer; a whole filter waits for the
  // server (unless it could not answer: then the count selected, and the server still skips).
  const wouldSend = known ?? (selection.mode === 'ids' || preview.failed ? local : null);
  const skippedText =
    count === 0
      ? ''
      : preview.data
        ? previewSkippedText(preview.data)
        : preview.failed
          ? 'Could not check who would be skipped: people with MFA or reminded in the last 24 hours are skipped when sending.'
          : 'Checking who would get an e-mail…';
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
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {skippedText && (
            <Text size="sm" c="dimmed" id={skippedId} aria-live="polite">
              {skippedText}
            </Text>
          )}
          <Button
            ref={remindRef}
            onClick={onRemind}
            disabled={!wouldSend || sending}
            loading={sending}
            aria-describedby={skippedText ? skippedId : undefined}
          >
            {wouldSend === null ? 'Remind (…)' : remindLabel(wouldSend)}
          </Button>
        </Group>
      )}
    </Group>
  );
}
