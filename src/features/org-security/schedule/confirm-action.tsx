import type { ReactNode } from 'react';
import { Button, Modal, Stack } from '@mantine/core';
import { DialogFooter } from '@/lib/dialog-footer';

/** A yes/no confirmation for Cancel schedule and Require now. */
export function ConfirmAction({
  title,
  children,
  confirmLabel,
  danger,
  pending,
  errorText,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  errorText: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      closeOnEscape={!pending}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {children}
        <DialogFooter
          problem={errorText}
          problemTitle="Not saved"
          cancelLabel="Keep as is"
          onCancel={onClose}
          cancelDisabled={pending}
        >
          <Button color={danger ? 'red.9' : undefined} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}
