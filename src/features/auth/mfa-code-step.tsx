import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { isApiError, errorMessage, type ApiError } from '@/api/problem';
import { formatTime } from '@/lib/format';

type Proof = { code: string } | { recoveryCode: string };

interface Props {
  email: string;
  submit: (proof: Proof) => Promise<unknown>;
  onSignedIn: () => void;
  onRestart: (message: string) => void;
}

function lockMessage(error: ApiError): string {
  const retryAt = error.problem.parameters?.retryAt;
  const when = typeof retryAt === 'string' ? formatTime(retryAt) : null;
  return when
    ? `Too many wrong codes. The code step is locked until ${when}.`
    : 'Too many wrong codes. Wait a few minutes and try again.';
}

/** The second sign-in step: a code from the authenticator app, or a recovery code. */
export function MfaCodeStep({ email, submit, onSignedIn, onRestart }: Props) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // While locked: when the lock ends, in words. Kept when switching to a recovery code.
  const [locked, setLocked] = useState<string | null>(null);
  const lockRef = useRef<HTMLDivElement>(null);

  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), [useRecovery]);
  // Locked: the field and Verify are disabled, so focus goes to the message that says until when.
  const isLocked = locked !== null;
  useEffect(() => {
    if (isLocked) lockRef.current?.focus();
  }, [isLocked]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Authenticator apps show and copy codes as "123 456": spaces are not part of the code.
    const trimmed = useRecovery ? value.trim() : value.replace(/\s+/g, '');
    if (!useRecovery && !/^\d{6}$/.test(trimmed)) {
      setError('Enter the 6-digit code from your authenticator app (digits only).');
      inputRef.current?.focus();
      return;
    }
    if (useRecovery && trimmed === '') {
      setError('Enter one of your recovery codes.');
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await submit(useRecovery ? { recoveryCode: trimmed } : { code: trimmed });
      onSignedIn();
    } catch (e) {
      if (isApiError(e, 'challenge_expired')) return onRestart(errorMessage(e));
      setValue('');
      if (isApiError(e, 'mfa_locked')) {
        setLocked(lockMessage(e));
        setError(null);
        return;
      }
      const remaining = isApiError(e) ? e.problem.parameters?.attemptsRemaining : undefined;
      setError(
        `${errorMessage(e)}${typeof remaining === 'number' && remaining <= 5 ? ` ${remaining} ${remaining === 1 ? 'try' : 'tries'} left before a 15-minute lock.` : ''}`,
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Two-factor authentication
      </Title>
      <Text size="sm" c="dimmed">
        Signing in as {email}.{' '}
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you set up MFA.'
          : 'Open your authenticator app and enter the 6-digit code it shows.'}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            ref={inputRef}
            key={useRecovery ? 'recovery' : 'code'}
            label={useRecovery ? 'Recovery code' : 'Authentication code'}
            autoComplete={useRecovery ? 'off' : 'one-time-code'}
            inputMode={useRecovery ? 'text' : 'numeric'}
            maxLength={useRecovery ? 24 : 9}
            placeholder={useRecovery ? 'xxxx-xxxx-xxxx-xxxx' : '123456'}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error}
            // Announced when it appears (it is removed before each try, so a repeat is too).
            errorProps={{ role: 'alert' }}
            disabled={locked !== null}
            styles={{
              input: {
                fontFamily: 'var(--mantine-font-family-monospace)',
                letterSpacing: useRecovery ? undefined : '0.3em',
              },
            }}
          />
          <Button type="submit" loading={pending} disabled={locked !== null}>
            Verify
          </Button>
        </Stack>
      </form>
      <Group justify="space-between">
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecovery((v) => !v);
            setValue('');
            setError(null);
          }}
        >
          {useRecovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={() => onRestart('')}>
          Back to sign-in
        </Anchor>
      </Group>
      {locked && (
        <Alert color="orange" ref={lockRef} tabIndex={-1} title="Locked" role="alert">
          {locked} Then you can sign in with a code from your app or with a recovery code.
        </Alert>
      )}
    </Stack>
  );
}
