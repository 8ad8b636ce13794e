import type { ClipboardEvent, ReactNode, Ref } from 'react';
import { Anchor, TextInput, useComputedColorScheme } from '@mantine/core';
import { normalizeAppCode, type CodeKind } from './code-entry';

interface Props {
  kind: CodeKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  description?: string;
  ref?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** Narrow fields in forms with other content; full width on their own (sign-in). */
  maw?: number;
  /** Mantine's Modal focuses the element with this attribute when it opens. */
  'data-autofocus'?: boolean;
}

/**
 * Mantine's default error red is below 4.5:1 contrast for small text in both schemes; field
 * errors here use a darker red on light and a lighter red on dark.
 */
export function useReadableErrorColor(): string {
  const scheme = useComputedColorScheme('light');
  return scheme === 'dark' ? 'var(--mantine-color-red-4)' : 'var(--mantine-color-red-9)';
}

/**
 * The field for a 6-digit code from the authenticator app, or a recovery code. A code pasted
 * as apps copy it ("123 456") shows as its six digits; typed separators are dropped on submit
 * (`readCode`), so both work.
 */
export function CodeEntryField({ kind, onChange, maw, ...props }: Props) {
  const errorColor = useReadableErrorColor();
  const app = kind === 'code';
  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    if (!app) return;
    const code = normalizeAppCode(event.clipboardData.getData('text'));
    if (!/^[0-9]{6}$/.test(code)) return;
    event.preventDefault();
    onChange(code);
  }

  return (
    <TextInput
      {...props}
      // A new input when the kind changes: the browser's autofill hints start afresh.
      key={kind}
      onChange={(event) => onChange(event.currentTarget.value)}
      onPaste={onPaste}
      // Announced when it appears (it is removed before each try, so a repeat is too).
      errorProps={{ role: 'alert' }}
      inputMode={app ? 'numeric' : 'text'}
      autoComplete={app ? 'one-time-code' : 'off'}
      autoCapitalize="off"
      spellCheck={false}
      placeholder={app ? '123456' : 'xxxx-xxxx-xxxx-xxxx'}
      maw={maw}
      styles={{
        error: { color: errorColor },
        // The typed code stays in the text colour; the border and message carry the error.
        wrapper: {
          '--input-color': 'var(--mantine-color-text)',
          '--input-placeholder-color': 'var(--mantine-color-placeholder)',
        },
        input: {
          fontFamily: 'var(--mantine-font-family-monospace)',
          letterSpacing: app ? '0.3em' : undefined,
        },
      }}
    />
  );
}

/** "Use a recovery code instead" and back. */
export function CodeKindSwitch({ kind, onToggle }: { kind: CodeKind; onToggle: () => void }) {
  return (
    <Anchor component="button" type="button" size="sm" w="fit-content" onClick={onToggle}>
      {kind === 'code' ? 'Use a recovery code instead' : 'Use a code from your app instead'}
    </Anchor>
  );
}
