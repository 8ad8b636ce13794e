import { schemas } from '@/api/contract-values';

export const PASSKEY_NAME_MAX = schemas.Passkey.properties.name.maxLength;

/** The server's rule, mirrored so the person hears about it before sending. */
export function passkeyNameProblem(raw: string): string | null {
  const name = raw.trim();
  if (!name) return 'Enter a name for this passkey.';
  if ([...name].length > PASSKEY_NAME_MAX)
    return `Use at most ${PASSKEY_NAME_MAX} characters (this one has ${[...name].length}).`;
  if (/\p{Cc}/u.test(name)) return 'A name cannot contain control characters such as line breaks.';
  return null;
}
