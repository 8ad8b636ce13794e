import type { ClipboardEvent, Ref } from 'react';
import { TextInput } from '@mantine/core';
import { normalizePastedCode } from './code-format';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  description?: string;
  ref?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/** The 6-digit code from the authenticator app; a pasted "123 456" becomes "123456". */
export function CodeField({ label, value, onChange, error, description, ref, disabled }: Props) {
  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const code = normalizePastedCode(event.clipboardData.getData('text'));
    if (code === null) return;
    event.preventDefault();
    onChange(code);
  }

  return (
    <TextInput
      ref={ref}
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onPaste={onPaste}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      autoCapitalize="off"
      spellCheck={false}
      placeholder="123456"
      disabled={disabled}
      maw={240}
      styles={{
        input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.3em' },
      }}
    />
  );
}
