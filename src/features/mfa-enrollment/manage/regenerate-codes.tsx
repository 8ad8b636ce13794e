import { useEffect, useRef, useState } from 'react';
import { focusFieldOnOpen } from '@/lib/focus-return';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { passkeyProof } from '@/lib/passkeys';
import { useRegenerateRecoveryCodes, type MfaStatus } from '../api';
import { ConfirmCodeForm } from './confirm-code-form';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** New recovery codes: confirmed with a code, then shown once until the person saved them. */
export function RegenerateCodesModal({
  accountName,
  onClose,
  status,
}: {
  accountName: string;
  onClose: () => void;
  /** The person's methods: without an app, a recovery code or a passkey confirms. */
  status?: MfaStatus;
}) {
  const regenerate = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const locked = codes !== null && !saved;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => focusFieldOnOpen(() => body.current), []);
  return (
    <Modal
      opened
      onClose={() => !locked && onClose()}
      title="Regenerate recovery codes"
      size="lg"
      closeOnEscape={!locked}
      closeOnClickOutside={codes === null}
      withCloseButton={!locked}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {codes ? (
        <Stack gap="md">
          <Text size="sm" fw={600}>
            Your new recovery codes. The old ones no longer work.
          </Text>
          <RecoveryCodesPanel
            codes={codes}
            accountName={accountName}
            saved={saved}
            onSavedChange={setSaved}
          />
          <Group justify="flex-end">
            <Button onClick={onClose} disabled={!saved}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md" ref={body}>
          <Text size="sm">
            You get 10 new codes and every code you have now stops working. To confirm, enter a
            current code from your app or one of your recovery codes.
          </Text>
          <ConfirmCodeForm
            submitLabel="Regenerate codes"
            onCancel={onClose}
            noApp={status ? status.method !== 'totp' : false}
            passkeyProof={status?.passkeyCount ? passkeyProof : undefined}
            submit={async (proof) => {
              const result = await regenerate.mutateAsync(proof);
              regenerate.reset();
              setCodes(result.recoveryCodes);
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}
