import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/problem';
import { mfaStatusQuery } from './api';
import { MfaEnabledDetails, MfaNotEnabledDetails } from './mfa-status';
import { RegenerateCodesModal } from './regenerate-codes';
import { RemoveAuthenticatorModal } from './remove-authenticator';
import { SetupFlow } from './setup-flow';

type Dialog = 'setup' | 'regenerate' | 'remove' | null;

/** My profile → Security: the person's MFA status and every action on it. */
export function MfaSecurity({ accountName }: { accountName: string }) {
  const status = useQuery(mfaStatusQuery());
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mfa-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="mfa-heading">
          Multi-factor authentication
        </Title>
        {status.isPending && <Loader size="sm" aria-label="Loading your MFA status" />}
        {status.isError && (
          <Alert color="red" role="alert" title="Your MFA status could not be loaded">
            <Stack gap="xs">
              <Text size="sm">{errorMessage(status.error)}</Text>
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => void status.refetch()}>
                  Try again
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {status.isSuccess &&
          (status.data.enabled ? (
            <MfaEnabledDetails
              status={status.data}
              onRegenerate={() => setDialog('regenerate')}
              onRemove={() => setDialog('remove')}
            />
          ) : (
            <MfaNotEnabledDetails status={status.data} onSetUp={() => setDialog('setup')} />
          ))}
      </Stack>
      {dialog === 'setup' && <SetupFlow accountName={accountName} onClose={close} />}
      {dialog === 'regenerate' && (
        <RegenerateCodesModal accountName={accountName} onClose={close} />
      )}
      {dialog === 'remove' && status.data && (
        <RemoveAuthenticatorModal status={status.data} onClose={close} />
      )}
    </Card>
  );
}
