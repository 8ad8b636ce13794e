import { base32 } from './random';
import { inGroupsOfFour, normalizeRecoveryCode } from './recovery-codes';
import { sha256Hex } from './sha256';

/** How passwords and recovery codes are stored: salted by the user id, never in the clear. */

export function hashPassword(userId: string, password: string): string {
  return sha256Hex(`${userId}:${password}`);
}

export function hashRecoveryCode(userId: string, code: string): string {
  return sha256Hex(`${userId}:recovery:${normalizeRecoveryCode(code)}`);
}

/**
 * The earlier format: 16 base32 characters (80 bits), shown as four groups of four. The seeded
 * accounts keep codes in this format, so codes issued before the readable alphabet
 * (recovery-codes.ts) are known to keep working.
 */
export function formatRecoveryCode(bytes: Uint8Array): string {
  return inGroupsOfFour(base32(bytes).slice(0, 16).toLowerCase());
}
