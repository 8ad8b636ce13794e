/**
 * One way to read "a 6-digit code from the app, or a recovery code", for every form that asks
 * for one (sign-in, step-up, enrollment, confirming a sensitive change).
 */

/** The second factor as the API takes it (`CodeProof`, `MfaChallengeRequest`): exactly one. */
export type CodeProof = { code: string } | { recoveryCode: string };

export type CodeKind = 'code' | 'recovery';

/** Apps and printouts group codes with spaces or hyphens ("123 456"); they are not part of one. */
const SEPARATORS = /[\s-]+/g;

/** "123 456", "123-456", " 123456 " → "123456". */
export function normalizeAppCode(text: string): string {
  return text.replace(SEPARATORS, '');
}

/**
 * "ABCD-EFGH ijkl mnop" → "abcdefghijklmnop". Only separators and case are settled here: which
 * characters a recovery code may have is the server's answer, not the form's.
 */
export function normalizeRecoveryCode(text: string): string {
  return text.replace(SEPARATORS, '').toLowerCase();
}

/**
 * What is wrong with an app code (already normalised), before a round trip; null when it is six
 * ASCII digits. The wording is the server's (its 400 `invalid_code_format` answers).
 */
export function appCodeProblem(code: string): string | null {
  if (/^[0-9]{6}$/.test(code)) return null;
  if (code.length === 0) return 'Enter the 6-digit code from your authenticator app.';
  if (/^[0-9]+$/.test(code))
    return `The code must be exactly 6 digits; this one has ${code.length}.`;
  return 'The code must contain digits 0–9 only.';
}

export type CodeReading = { proof: CodeProof; problem: null } | { proof: null; problem: string };

/** What was typed, as the proof to send, or what to say about it instead. */
export function readCode(kind: CodeKind, text: string): CodeReading {
  if (kind === 'recovery') {
    const recoveryCode = normalizeRecoveryCode(text);
    return recoveryCode
      ? { proof: { recoveryCode }, problem: null }
      : { proof: null, problem: 'Enter one of your recovery codes.' };
  }
  const code = normalizeAppCode(text);
  const problem = appCodeProblem(code);
  return problem ? { proof: null, problem } : { proof: { code }, problem: null };
}
