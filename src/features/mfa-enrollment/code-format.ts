/**
 * The server's code rules, mirrored so a person hears about a typo before a round trip
 * (the server checks again; these messages match its 400 answers).
 */
export function codeFormatProblem(code: string): string | null {
  if (/^[0-9]{6}$/.test(code)) return null;
  if (code.length === 0) return 'Enter the 6-digit code from your authenticator app.';
  if (/\s/.test(code)) return 'The code must be 6 digits with no spaces.';
  if (/^[0-9]+$/.test(code))
    return `The code must be exactly 6 digits; this one has ${code.length}.`;
  return 'The code must contain digits 0–9 only.';
}

/**
 * A pasted code as apps copy it ("123 456", "123-456", surrounding spaces) becomes its six
 * digits; anything else is pasted as it is and then explained by `codeFormatProblem`.
 */
export function normalizePastedCode(text: string): string | null {
  const compact = text.trim().replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(compact) ? compact : null;
}

/** "ABCDEFGH…" → "ABCD EFGH …", the way people type a key into an app. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
