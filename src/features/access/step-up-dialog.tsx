import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '@/api/problem';
import { afterSessionChange, stepUpSession } from './api';
import { formatTime } from '@/lib/format';

function failureText(error: unknown): string {
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
  const stepUp = useMutation({
    mutationFn: stepUpSession,
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
    if (!useRecovery && !/^\d{6}$/.test(trimmed)) {
      setFormatError('Enter the 6-digit code from your authenticator app (digits only).');
      inputRef.current?.focus();
      return;
    }
    if (useRecovery && !trimmed) {
      setFormatError('Enter one of your recovery codes.');
      inputRef.current?.focus();
      return;
    }
    setFormatError(null);
    stepUp.mutate(useRecovery ? { recoveryCode: trimmed } : { code: trimmed });
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
            <Text size="sm">
              {useRecovery
                ? 'Enter one of the recovery codes you saved when you set up MFA. Each works once.'
                : 'Open your authenticator app and enter the 6-digit code it shows.'}
            </Text>
            <TextInput
              ref={inputRef}
              key={useRecovery ? 'recovery' : 'code'}
              data-autofocus
              label={useRecovery ? 'Recovery code' : 'Authentication code'}
              autoComplete={useRecovery ? 'off' : 'one-time-code'}
              inputMode={useRecovery ? 'text' : 'numeric'}
              maxLength={useRecovery ? 24 : 6}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={error}
            />
            <Group justify="space-between">
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
                {useRecovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
              </Anchor>
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
