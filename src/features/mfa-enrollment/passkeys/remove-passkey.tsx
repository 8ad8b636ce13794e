import { Alert, Modal, Stack, Text } from '@mantine/core';
import { passkeyProof } from '@/lib/passkeys';
import type { MfaStatus } from '../api';
import { ConfirmCodeForm } from '../manage/confirm-code-form';
import { useRemovePasskey, type Passkey } from './passkey-api';

interface Props {
  passkey: Passkey;
  /** How many passkeys the person has. */
  count: number;
  status: MfaStatus;
  onClose: () => void;
  onRemoved: (name: string) => void;
}

/** Remove a passkey, confirmed with the app, a recovery code or a passkey. */
export function RemovePasskeyModal({ passkey, count, status, onClose, onRemoved }: Props) {
  const remove = useRemovePasskey();
  const hasApp = status.method === 'totp';
  const lastMethod = count === 1 && !hasApp;
  return (
    <Modal
      opened
      onClose={onClose}
      title="Remove passkey"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text size="sm">
          <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
            {passkey.name}
          </Text>{' '}
          will no longer sign you in. Remove it from the device or password manager too.
        </Text>
        {lastMethod && (
          <Alert color="orange" title="This is your last sign-in method">
            Multi-factor authentication will be off and your recovery codes will stop working.
            {status.requiredBy.length > 0 &&
              ` ${status.requiredBy.map((o) => o.name).join(', ')} will block you until you set up a method again.`}
            {status.ownerOfRequiring.length > 0 &&
              ' You own an organization that requires MFA, so the server will refuse this.'}
          </Alert>
        )}
        <Text size="sm">
          To confirm,{' '}
          {hasApp
            ? 'enter a current code from your app, a recovery code, '
            : 'enter a recovery code '}
          or use one of your passkeys.
        </Text>
        <ConfirmCodeForm
          submitLabel="Remove passkey"
          danger
          noApp={!hasApp}
          passkeyProof={passkeyProof}
          onCancel={onClose}
          submit={async (proof) => {
            await remove.mutateAsync({ id: passkey.id, proof });
            onRemoved(passkey.name);
            onClose();
          }}
        />
      </Stack>
    </Modal>
  );
}
