import { useRef, useState } from 'react';
import { readCode, type CodeKind, type CodeProof } from './code-entry';

/**
 * The state of one code field that can switch between an app code and a recovery code: what is
 * typed, which kind, and the problem to show next to it. A person without the app (passkeys
 * only) starts, and stays, on recovery codes.
 */
export function useCodeEntry(hasApp = true) {
  const [chosen, setKind] = useState<CodeKind>('code');
  // Without the app (passkeys only) the field takes recovery codes alone, whatever was chosen.
  const kind: CodeKind = hasApp ? chosen : 'recovery';
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  /** Puts a message next to the field and the focus back in it. */
  function fail(message: string) {
    setProblem(message);
    inputRef.current?.focus();
  }

  return {
    kind,
    value,
    problem,
    inputRef,
    setValue,
    fail,
    /** The proof to send; or null, having said what is wrong with what was typed. */
    read(): CodeProof | null {
      const reading = readCode(kind, value);
      if (reading.problem !== null) {
        fail(reading.problem);
        return null;
      }
      setProblem(null);
      return reading.proof;
    },
    /** After a refused code: an empty field with the focus in it. */
    clear() {
      setValue('');
      inputRef.current?.focus();
    },
    toggleKind() {
      setKind((current) => (current === 'code' ? 'recovery' : 'code'));
      setValue('');
      setProblem(null);
    },
  };
}

export type CodeEntry = ReturnType<typeof useCodeEntry>;
