import { secureBytes } from './random';

/**
 * Recovery codes people can read aloud and type: no look-alikes (no 0/o, 1/l/i), lowercase,
 * 16 characters shown as four groups of four. 31 symbols × 16 = 79 bits (at least 64).
 */
export const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_ALPHABET.length);

/** Uniform symbols from the CSPRNG (rejection sampling: no modulo bias). */
export function newRecoveryCode(random: (n: number) => Uint8Array = secureBytes): string {
  let raw = '';
  while (raw.length < RECOVERY_CODE_LENGTH) {
    for (const byte of random(RECOVERY_CODE_LENGTH)) {
      const index = byte & 31;
      if (index < RECOVERY_ALPHABET.length && raw.length < RECOVERY_CODE_LENGTH)
        raw += RECOVERY_ALPHABET[index];
    }
  }
  return inGroupsOfFour(raw);
}

/** A code as people see it: groups of four characters joined by hyphens (`abcd-efgh-…`). */
export function inGroupsOfFour(raw: string): string {
  const groups: string[] = [];
  for (let at = 0; at < raw.length; at += 4) groups.push(raw.slice(at, at + 4));
  return groups.join('-');
}

/**
 * What the server compares: any case, with or without separators (spaces, hyphens, dashes,
 * dots, underscores). Codes issued before this alphabet (base32, a–z and 2–7) normalise to the
 * same 16 characters as before, so they keep working.
 */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s\-\u2010-\u2015\u2212_.·]/g, '');
}

/** Either alphabet: the readable one, or the earlier base32 one (which has i, l and o). */
export function looksLikeRecoveryCode(normalized: string): boolean {
  return /^[a-z2-9]{16}$/.test(normalized);
}
