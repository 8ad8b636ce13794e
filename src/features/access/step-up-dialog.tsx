import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '@/api/problem';
import { passkeyProof } from '@/lib/passkeys';
import { browserFailure } from '@/lib/webauthn-client';
import { accessMeQuery, afterSessionChange, stepUpSession } from './api';
import { formatTime } from '@/lib/format';

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
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [formatError, setFormatError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const me = useQuery(accessMeQuery());
  const hasPasskey = (me.data?.mfa.passkeyCount ?? 0) > 0;
  const hasApp = me.data ? me.data.mfa.method === 'totp' : true;
  const stepUp = useMutation({
    mutationFn: async (proof: Parameters<typeof stepUpSession>[0] | 'passkey') =>
      stepUpSession(proof === 'passkey' ? await passkeyProof() : proof),
    onSuccess: async () => {
      close();
      setValue('');
      await afterSessionChange(queryClient);
      onDone();
    },
    onError: () => {
      setValue('');
      inputRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = value.trim();
    const recovery = useRecovery || !hasApp;
    if (!recovery && !/^\d{6}$/.test(trimmed)) {
      setFormatError('Enter the 6-digit code from your authenticator app (digits only).');
      inputRef.current?.focus();
      return;
    }
    if (recovery && !trimmed) {
      setFormatError('Enter one of your recovery codes.');
      inputRef.current?.focus();
      return;
    }
    setFormatError(null);
    stepUp.mutate(recovery ? { recoveryCode: trimmed } : { code: trimmed });
  }

  const error = formatError ?? (stepUp.isError ? failureText(stepUp.error) : null);
  return (
    <>
      <Button variant={variant} onClick={open}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title="Confirm it's you with MFA"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {hasPasskey && (
              <Button variant="light" onClick={() => stepUp.mutate('passkey')}>
                Use a passkey
              </Button>
            )}
            <Text size="sm">
              {useRecovery || !hasApp
                ? 'Enter one of the recovery codes you saved when you set up MFA. Each works once.'
                : 'Open your authenticator app and enter the 6-digit code it shows.'}
            </Text>
            <TextInput
              ref={inputRef}
              key={useRecovery ? 'recovery' : 'code'}
              data-autofocus
              label={useRecovery || !hasApp ? 'Recovery code' : 'Authentication code'}
              autoComplete={useRecovery || !hasApp ? 'off' : 'one-time-code'}
              inputMode={useRecovery || !hasApp ? 'text' : 'numeric'}
              maxLength={useRecovery || !hasApp ? 24 : 6}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={error}
            />
            <Group justify="space-between">
              {hasApp && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setUseRecovery((v) => !v);
                    setValue('');
                    setFormatError(null);
                    stepUp.reset();
                  }}
                >
                  {useRecovery
                    ? 'Use your authenticator app instead'
                    : 'Use a recovery code instead'}
                </Anchor>
              )}
              <Button type="submit" loading={stepUp.isPending}>
                Verify
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
