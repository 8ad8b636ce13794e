import { useEffect, useRef } from 'react';
import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { focusFieldOnOpen } from '@/lib/focus-return';
import { notifications } from '@mantine/notifications';
import { passkeyProof } from '@/lib/passkeys';
import { useRemoveMfa, type MfaStatus } from '../api';
import { ConfirmCodeForm } from './confirm-code-form';

interface Props {
  status: MfaStatus;
  onClose: () => void;
}

export function RemoveAuthenticatorModal({ status, onClose }: Props) {
  const remove = useRemoveMfa();
  const blocking = status.requiredBy;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => focusFieldOnOpen(() => body.current), []);
  return (
    <Modal
      opened
      onClose={onClose}
      title="Remove authenticator"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md" ref={body}>
        {status.passkeyCount > 0 ? (
          <Text size="sm">
            Your passkeys and recovery codes keep working; signing in will no longer offer a code
            from the app.
          </Text>
        ) : (
          <Text size="sm">
            Signing in will ask only for your password, and your recovery codes will stop working.
          </Text>
        )}
        {status.passkeyCount > 0
          ? null
          : status.ownerOfRequiring.length > 0 && (
              <Alert color="yellow" title="You own an organization that requires MFA">
                You own {status.ownerOfRequiring.map((o) => o.name).join(', ')}. Owners of an
                organization that requires MFA must keep it on; the server will refuse the removal.
              </Alert>
            )}
        {status.passkeyCount > 0 ? null : status.ownerOfRequiring.length >
          0 ? null : blocking.length > 0 ? (
          <Alert color="orange" title="These organizations will block you">
            <Text size="sm">
              They require MFA. Until you set it up again you will not be able to open them in the
              Console or use Git, SSH or the API there:
            </Text>
            <List size="sm" mt={4}>
              {blocking.map((org) => (
                <List.Item key={org.slug}>{org.name}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            None of your organizations requires MFA today.
          </Text>
        )}
        <Text size="sm">To confirm, enter a current code from your app or a recovery code.</Text>
        <ConfirmCodeForm
          submitLabel="Remove authenticator"
          danger
          passkeyProof={status.passkeyCount > 0 ? passkeyProof : undefined}
          onCancel={onClose}
          submit={async (proof) => {
            await remove.mutateAsync(proof);
            remove.reset();
            notifications.show({
              color: 'green',
              title: 'Authenticator removed',
              message: 'Multi-factor authentication is off for your account.',
            });
            onClose();
          }}
        />
      </Stack>
    </Modal>
  );
}
