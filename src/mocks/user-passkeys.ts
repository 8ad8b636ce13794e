import { schemas } from '@/api/contract-values';
import { db, type PasskeyRecord, type UserRecord } from './db';
import { badRequest, ProblemError } from './problems';

/** A person's stored passkeys: the list, a lookup by credential id, and the rules for names. */

export const NAME_MAX = schemas.Passkey.properties.name.maxLength;

export const passkeysOf = (user: UserRecord): PasskeyRecord[] => user.passkeys ?? [];

/** 1 to 64 characters after trimming, no control characters: a name is text, never markup. */
export function validName(raw: unknown, field = 'name'): string {
  if (typeof raw !== 'string') throw badRequest(`"${field}" must be a string.`, field);
  const name = raw.trim();
  let detail: string | null = null;
  if (!name) detail = 'Enter a name for this passkey.';
  else if ([...name].length > NAME_MAX)
    detail = `A passkey's name can have at most ${NAME_MAX} characters.`;
  else if (/\p{Cc}/u.test(name)) detail = 'A passkey name cannot contain control characters.';
  if (detail)
    throw new ProblemError(400, 'invalid_name', 'Invalid name', detail, {
      parameters: { parameter: field },
      errors: [{ field, message: detail }],
    });
  return name;
}

/** The stored passkey with this credential id, and whose it is (any person's). */
export function findCredential(id: string): { user: UserRecord; passkey: PasskeyRecord } | null {
  for (const user of db.users.values()) {
    const passkey = user.passkeys?.find((p) => p.id === id);
    if (passkey) return { user, passkey };
  }
  return null;
}
