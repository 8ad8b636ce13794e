import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { isApiError, errorMessage, type ApiError } from '@/api/problem';
import type { CodeProof } from '@/lib/code-entry';
import { CodeEntryField, CodeKindSwitch } from '@/lib/code-entry-field';
import { formatTime } from '@/lib/format';
import { useCodeEntry } from '@/lib/use-code-entry';
import { browserFailure } from '@/lib/webauthn-client';
import {
  LOW_RECOVERY_CODES,
  LowCodesNotice,
  recoveryCodesLeft,
  REGENERATE_PATH,
} from './low-codes-notice';

interface Props {
  email: string;
  /** What the account offers: `totp`, `recovery_code`, `passkey`. */
  methods?: string[];
  submitPasskey?: () => Promise<unknown>;
  submit: (proof: CodeProof) => Promise<unknown>;
  /** `next`: where to go instead of the page the person was opening. */
  onSignedIn: (next?: string) => void;
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
export function MfaCodeStep({
  email,
  methods = ['totp', 'recovery_code'],
  submitPasskey,
  submit,
  onSignedIn,
  onRestart,
}: Props) {
  const hasApp = methods.includes('totp');
  const hasPasskey = methods.includes('passkey') && Boolean(submitPasskey);
  const entry = useCodeEntry(hasApp);
  const { inputRef } = entry;
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [passkeyPending, setPasskeyPending] = useState(false);
  // While locked: when the lock ends, in words. Kept when switching to a recovery code.
  const [locked, setLocked] = useState<string | null>(null);
  const lockRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState(false);
  const useRecovery = entry.kind === 'recovery';
  const [lowCodes, setLowCodes] = useState<number | null>(null);

  useEffect(() => inputRef.current?.focus(), [inputRef, useRecovery]);
  // Locked: the field and Verify are disabled, so focus goes to the message that says until when.
  const isLocked = locked !== null;
  useEffect(() => {
    if (isLocked) lockRef.current?.focus();
  }, [isLocked]);

  async function withPasskey() {
    if (!submitPasskey) return;
    setPasskeyPending(true);
    setPasskeyError(null);
    try {
      await submitPasskey();
      onSignedIn();
    } catch (e) {
      if (isApiError(e, 'challenge_expired')) return onRestart(errorMessage(e));
      setPasskeyError(isApiError(e) ? errorMessage(e) : browserFailure(e));
    } finally {
      setPasskeyPending(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const proof = entry.read();
    if (!proof) return;
    setPending(true);
    try {
      const result = await submit(proof);
      const left = recoveryCodesLeft(result);
      if (left !== null && left <= LOW_RECOVERY_CODES) setLowCodes(left);
      else onSignedIn();
    } catch (e) {
      if (isApiError(e, 'challenge_expired')) return onRestart(errorMessage(e));
      entry.setValue('');
      if (isApiError(e, 'mfa_locked')) {
        setLocked(lockMessage(e));
        return;
      }
      const remaining = isApiError(e) ? e.problem.parameters?.attemptsRemaining : undefined;
      entry.fail(
        `${errorMessage(e)}${typeof remaining === 'number' && remaining <= 5 ? ` ${remaining} ${remaining === 1 ? 'try' : 'tries'} left before a 15-minute lock.` : ''}`,
      );
    } finally {
      setPending(false);
    }
  }

  if (lowCodes !== null)
    return (
      <LowCodesNotice
        left={lowCodes}
        onRegenerate={() => onSignedIn(REGENERATE_PATH)}
        onContinue={() => onSignedIn()}
      />
    );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Multi-factor authentication
      </Title>
      <Text size="sm" c="dimmed">
        Signing in as {email}.{' '}
        {!hasApp && hasPasskey
          ? 'Use your passkey, or enter one of the recovery codes you saved.'
          : useRecovery
            ? 'Enter one of the recovery codes you saved when you set up MFA.'
            : 'Open your authenticator app and enter the 6-digit code it shows.'}
      </Text>
      {hasPasskey && (
        <Stack gap="xs">
          <Button
            variant={hasApp ? 'light' : 'filled'}
            onClick={() => void withPasskey()}
            loading={passkeyPending}
          >
            Use a passkey
          </Button>
          {passkeyError && (
            <Alert color="orange" role="alert" title="The passkey did not sign you in">
              {passkeyError}
            </Alert>
          )}
        </Stack>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <CodeEntryField
            ref={inputRef}
            kind={entry.kind}
            label={useRecovery ? 'Recovery code' : '6-digit code'}
            value={entry.value}
            onChange={entry.setValue}
            error={entry.problem}
            disabled={locked !== null}
          />
          <Button type="submit" loading={pending} disabled={locked !== null}>
            Verify
          </Button>
        </Stack>
      </form>
      <Group justify="space-between">
        {hasApp ? <CodeKindSwitch kind={entry.kind} onToggle={entry.toggleKind} /> : <span />}
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
