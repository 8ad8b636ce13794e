import type { ClipboardEvent, Ref } from 'react';
import { TextInput, useComputedColorScheme } from '@mantine/core';
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

/**
 * Mantine's default error red is below 4.5:1 contrast for small text in both schemes; field
 * errors here use a darker red on light and a lighter red on dark.
 */
export function useReadableErrorColor(): string {
  const scheme = useComputedColorScheme('light');
  return scheme === 'dark' ? 'var(--mantine-color-red-4)' : 'var(--mantine-color-red-9)';
}

/** The 6-digit code from the authenticator app; a pasted "123 456" becomes "123456". */
export function CodeField({ label, value, onChange, error, description, ref, disabled }: Props) {
  const errorColor = useReadableErrorColor();
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
        error: { color: errorColor },
        // The typed code stays in the text colour; the border and message carry the error.
        wrapper: {
          '--input-color': 'var(--mantine-color-text)',
          '--input-placeholder-color': 'var(--mantine-color-placeholder)',
        },
        input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.3em' },
      }}
    />
  );
}
