import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { reminderPreviewQuery } from '../api';
import { BulkBar } from './bulk-bar';
import { CONFIRM_ABOVE, ConfirmBulkSend } from './confirm-bulk-send';
import { selectionBody } from './use-reminder-flow';
import { selectedCount, type Selection } from '../table/selection';
import { returnFocus } from '@/lib/focus-return';

/**
 * Reminders to the selection: the bar above the table with the server's preview, and the
 * confirmation before a large send. Focus follows what replaces the pressed control.
 */
export function BulkReminders({
  orgSlug,
  selection,
  pageSelected,
  pageSize,
  total,
  sending,
  onSelectAll,
  onClear,
  onSend,
}: {
  orgSlug: string;
  selection: Selection;
  pageSelected: boolean;
  pageSize: number;
  total: number;
  sending: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  /** Send to the selection now (asked first above CONFIRM_ABOVE). */
  onSend: () => void;
}) {
  const preview = useQuery(reminderPreviewQuery(orgSlug, selectionBody(selection)));
  const remindRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  // After a send, focus moves to what replaced the pressed button: the outcome or the job.
  const focusOutcome = () =>
    returnFocus(
      () => document.querySelector<HTMLElement>('[data-outcome-notice]'),
      () => document.querySelector<HTMLElement>('[data-reminder-job]'),
      remindRef.current,
    );

  return (
    <>
      <BulkBar
        selection={selection}
        pageSelected={pageSelected}
        pageSize={pageSize}
        total={total}
        canManage
        sending={sending}
        preview={{
          data: preview.isPlaceholderData ? undefined : preview.data,
          failed: preview.isError,
        }}
        remindRef={remindRef}
        onSelectAll={() => {
          onSelectAll();
          // The link is replaced by "All N … are selected": continue on Remind.
          returnFocus(remindRef.current);
        }}
        onClear={onClear}
        onRemind={() => {
          if ((preview.data?.wouldSend ?? selectedCount(selection)) > CONFIRM_ABOVE)
            return setConfirming(true);
          onSend();
          focusOutcome();
        }}
      />
      {confirming && (
        <ConfirmBulkSend
          filter={selection.mode === 'all' ? selection.filter : null}
          selected={selectedCount(selection)}
          preview={preview.data}
          onCancel={() => {
            setConfirming(false);
            returnFocus(remindRef.current);
          }}
          onConfirm={() => {
            setConfirming(false);
            onSend();
            focusOutcome();
          }}
        />
      )}
    </>
  );
}
