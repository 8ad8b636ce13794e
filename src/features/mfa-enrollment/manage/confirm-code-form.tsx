import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { errorMessage, isApiError } from '@/api/problem';
import { CodeEntryField, CodeKindSwitch } from '@/lib/code-entry-field';
import { useCodeEntry } from '@/lib/use-code-entry';
import { browserFailure as passkeyFailure } from '@/lib/webauthn-client';
import type { ConfirmProof } from '../api';

interface Props {
  submitLabel: string;
  danger?: boolean;
  submit: (proof: ConfirmProof) => Promise<unknown>;
  onCancel: () => void;
  /** The person has no app: only a recovery code (or a passkey) can confirm. */
  noApp?: boolean;
  /** Offers "Use a passkey": runs the browser's prompt and returns the proof. */
  passkeyProof?: () => Promise<ConfirmProof>;
}

/** Answers that are about what was typed, shown next to the field; the rest above the form. */
const FIELD_CODES = [
  'invalid_code',
  'code_already_used',
  'invalid_code_format',
  'invalid_recovery_code_format',
  'missing_field',
  'mfa_locked',
];

/** Confirms a sensitive change with a current code from the app, or a recovery code. */
export function ConfirmCodeForm({
  submitLabel,
  danger,
  submit,
  onCancel,
  noApp,
  passkeyProof,
}: Props) {
  const entry = useCodeEntry(!noApp);
  const { inputRef } = entry;
  const { kind } = entry;
  const [formError, setFormError] = useState<ReactNode>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);

  useEffect(() => inputRef.current?.focus(), [inputRef, entry.kind]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const proof = entry.read();
    if (!proof) return;
    busy.current = true;
    setPending(true);
    setFormError(null);
    try {
      await submit(proof);
    } catch (e) {
      entry.setValue('');
      if (FIELD_CODES.some((code) => isApiError(e, code))) entry.fail(errorMessage(e));
      else setFormError(errorMessage(e));
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  async function withPasskey() {
    if (busy.current || !passkeyProof) return;
    busy.current = true;
    setPending(true);
    setFormError(null);
    try {
      await submit(await passkeyProof());
    } catch (e) {
      setFormError(isApiError(e) ? errorMessage(e) : passkeyFailure(e));
    } finally {
      busy.current = false;
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert" title="Not possible">
            {formError}
          </Alert>
        )}
        <CodeEntryField
          ref={inputRef}
          kind={kind}
          label={kind === 'recovery' ? 'Recovery code' : '6-digit code'}
          value={entry.value}
          onChange={entry.setValue}
          error={entry.problem}
          maw={kind === 'recovery' ? 280 : 240}
        />
        {passkeyProof && (
          <Button variant="light" w="fit-content" onClick={() => void withPasskey()}>
            Use a passkey
          </Button>
        )}
        {!noApp && <CodeKindSwitch kind={entry.kind} onToggle={entry.toggleKind} />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={danger ? 'red.9' : undefined} loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
