import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { errorMessage, isApiError } from '@/api/problem';
import type { CodeProof } from './api';
import { CodeField, useReadableErrorColor } from './code-field';
import { codeFormatProblem } from './code-format';
import { browserFailure as passkeyFailure } from '@/lib/webauthn-client';

interface Props {
  submitLabel: string;
  danger?: boolean;
  submit: (proof: CodeProof) => Promise<unknown>;
  onCancel: () => void;
  /** The person has no app: only a recovery code (or a passkey) can confirm. */
  noApp?: boolean;
  /** Offers "Use a passkey": runs the browser's prompt and returns the proof. */
  passkeyProof?: () => Promise<CodeProof>;
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
  const [useRecovery, setUseRecovery] = useState(Boolean(noApp));
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<ReactNode>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const errorColor = useReadableErrorColor();

  useEffect(() => inputRef.current?.focus(), [useRecovery]);

  function fail(message: string) {
    setFieldError(message);
    inputRef.current?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const trimmed = value.trim();
    if (!useRecovery) {
      const problem = codeFormatProblem(value);
      if (problem) return fail(problem);
    } else if (!trimmed) return fail('Enter one of your recovery codes.');
    busy.current = true;
    setPending(true);
    setFieldError(null);
    setFormError(null);
    try {
      await submit(useRecovery ? { recoveryCode: trimmed } : { code: value });
    } catch (e) {
      setValue('');
      if (FIELD_CODES.some((code) => isApiError(e, code))) fail(errorMessage(e));
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
    setFieldError(null);
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

  const label = useRecovery ? 'Recovery code' : '6-digit code from your app';
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert" title="Not possible">
            {formError}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput
            ref={inputRef}
            label={label}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
            spellCheck={false}
            placeholder="xxxx-xxxx-xxxx-xxxx"
            maw={280}
            ff="monospace"
            styles={{
              error: { color: errorColor },
              wrapper: {
                '--input-color': 'var(--mantine-color-text)',
                '--input-placeholder-color': 'var(--mantine-color-placeholder)',
              },
            }}
          />
        ) : (
          <CodeField
            ref={inputRef}
            label={label}
            value={value}
            onChange={setValue}
            error={fieldError}
          />
        )}
        {passkeyProof && (
          <Button variant="light" w="fit-content" onClick={() => void withPasskey()}>
            Use a passkey
          </Button>
        )}
        {!noApp && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            w="fit-content"
            onClick={() => {
              setUseRecovery((v) => !v);
              setValue('');
              setFieldError(null);
            }}
          >
            {useRecovery ? 'Use a code from your app instead' : 'Use a recovery code instead'}
          </Anchor>
        )}
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
