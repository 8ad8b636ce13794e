import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';

/**
 * The end of a confirming dialog: what went wrong, if anything (an alert, announced), then
 * Cancel (or its own word) and the dialog's action button, right-aligned.
 */
export function DialogFooter({
  problem,
  problemTitle,
  problemColor = 'red',
  cancelLabel = 'Cancel',
  onCancel,
  cancelDisabled,
  children,
}: {
  /** Shown when set: why the action did not happen. */
  problem?: ReactNode;
  problemTitle: string;
  problemColor?: string;
  cancelLabel?: string;
  onCancel: () => void;
  cancelDisabled?: boolean;
  /** The action button. */
  children: ReactNode;
}) {
  return (
    <>
      {problem ? (
        <Alert color={problemColor} title={problemTitle} role="alert">
          {problem}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
          {cancelLabel}
        </Button>
        {children}
      </Group>
    </>
  );
}
