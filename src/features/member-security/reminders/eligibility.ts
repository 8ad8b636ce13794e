import type { Member } from '../api';

export const COOLDOWN_MS = 24 * 3_600_000;

/**
 * Why a person cannot be reminded now, or null. The server decides; this mirrors its rules so
 * the menu can say why before anyone clicks.
 */
export function reminderBlock(member: Member, now = Date.now()): string | null {
  if (member.mfaEnabled) return 'Already has MFA';
  if (member.lastRemindedAt && now - Date.parse(member.lastRemindedAt) < COOLDOWN_MS)
    return 'Reminded in the last 24 hours';
  return null;
}
