import type { FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '@/api/problem';
import { CodeEntryField, CodeKindSwitch } from '@/lib/code-entry-field';
import { formatTime } from '@/lib/format';
import { useCodeEntry } from '@/lib/use-code-entry';
import { afterSessionChange, stepUpSession } from './api';

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
  const entry = useCodeEntry();
  const useRecovery = entry.kind === 'recovery';
  const queryClient = useQueryClient();
  const stepUp = useMutation({
    mutationFn: stepUpSession,
    onSuccess: async () => {
      close();
      entry.setValue('');
      await afterSessionChange(queryClient);
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
            <CodeEntryField
              ref={entry.inputRef}
              kind={entry.kind}
              data-autofocus
              label={useRecovery ? 'Recovery code' : 'Authentication code'}
              value={entry.value}
              onChange={entry.setValue}
              error={error}
            />
            <Group justify="space-between">
              <CodeKindSwitch
                kind={entry.kind}
                onToggle={() => {
                  entry.toggleKind();
                  stepUp.reset();
                }}
              />
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
