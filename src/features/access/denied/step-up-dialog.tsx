import type { FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '@/api/problem';
import { CodeEntryField, CodeKindSwitch } from '@/lib/code-entry-field';
import { passkeyProof } from '@/lib/passkeys';
import { browserFailure } from '@/lib/webauthn-client';
import { formatTime } from '@/lib/format';
import { useCodeEntry } from '@/lib/use-code-entry';
import { stepUpSession } from '../api';
import { meQuery, sessionChanged } from '@/api/queries';

function failureText(error: unknown): string {
  if (!isApiError(error)) return browserFailure(error);
  if (isApiError(error, 'mfa_locked')) {
    const at = error.problem.parameters?.retryAt;
    return typeof at === 'string'
      ? `Too many wrong codes. Try again after ${formatTime(at)}.`
      : errorMessage(error);
  }
  return errorMessage(error);
}

/**
 * "Sign in again with MFA": the person has MFA, but this session was made without it. A code
 * adds `mfa` to the session (POST /session/mfa); then `onDone` lets the page try again.
 */
export function StepUpButton({
  onDone,
  label = 'Sign in again with MFA',
  variant = 'filled',
}: {
  onDone: () => void;
  label?: string;
  variant?: 'filled' | 'light' | 'default';
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant={variant} onClick={open}>
        {label}
      </Button>
      <StepUpDialog
        opened={opened}
        onClose={close}
        onDone={() => {
          close();
          onDone();
        }}
      />
    </>
  );
}

/**
 * "Confirm it's you with MFA", opened by its caller (a button above, or an action that needs a
 * recent step-up and asks first). `onDone` runs once the session has proved MFA and the cache
 * holds the new session; `onClose` when the person leaves without confirming. `why`: what asks
 * for it, when the dialog opens before the person has seen that.
 */
export function StepUpDialog({
  opened = true,
  onClose,
  onDone,
  why,
}: {
  opened?: boolean;
  onClose: () => void;
  onDone: () => void;
  why?: string;
}) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const hasPasskey = (me.data?.mfa.passkeyCount ?? 0) > 0;
  const hasApp = me.data ? me.data.mfa.method === 'totp' : true;
  const entry = useCodeEntry(hasApp);
  const useRecovery = entry.kind === 'recovery';
  const stepUp = useMutation({
    mutationFn: async (proof: Parameters<typeof stepUpSession>[0] | 'passkey') =>
      stepUpSession(proof === 'passkey' ? await passkeyProof() : proof),
    onSuccess: async (session) => {
      entry.setValue('');
      await sessionChanged(queryClient, session);
      onDone();
    },
    onError: () => entry.clear(),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const proof = entry.read();
    if (proof) stepUp.mutate(proof);
  }

  const error = entry.problem ?? (stepUp.isError ? failureText(stepUp.error) : null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Confirm it's you with MFA"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {why && <Text size="sm">{why}</Text>}
          {hasPasskey && (
            <Button variant="light" onClick={() => stepUp.mutate('passkey')}>
              Use a passkey
            </Button>
          )}
          <Text size="sm">
            {useRecovery
              ? 'Enter one of the recovery codes you saved when you set up MFA. Each works once.'
              : 'Open your authenticator app and enter the 6-digit code it shows.'}
          </Text>
          <CodeEntryField
            ref={entry.inputRef}
            kind={entry.kind}
            data-autofocus
            label={useRecovery ? 'Recovery code' : '6-digit code'}
            value={entry.value}
            onChange={entry.setValue}
            error={error}
          />
          <Group justify="space-between">
            {hasApp ? (
              <CodeKindSwitch
                kind={entry.kind}
                onToggle={() => {
                  entry.toggleKind();
                  stepUp.reset();
                }}
              />
            ) : (
              <span />
            )}
            <Button type="submit" loading={stepUp.isPending}>
              Verify
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
