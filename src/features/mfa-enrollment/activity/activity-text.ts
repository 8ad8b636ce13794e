import { formatDateTime } from '@/lib/format';
import type { SecurityActivity } from './activity-api';

const METHOD: Record<NonNullable<SecurityActivity['method']>, string> = {
  password: 'with a password only',
  totp: 'with an authenticator app code',
  recovery_code: 'with a recovery code',
  passkey: 'with a passkey',
};

const left = (n: number | undefined) =>
  n === undefined ? '' : ` (${n} ${n === 1 ? 'code' : 'codes'} left)`;

/** One line per event, as plain text (names are never markup). */
export function activityTitle(e: SecurityActivity): string {
  switch (e.type) {
    case 'signed_in':
      return `Signed in ${e.method ? METHOD[e.method] : ''}`.trim();
    case 'app_added':
      return 'Authenticator app added';
    case 'app_removed':
      return 'Authenticator app removed';
    case 'passkey_added':
      return 'Passkey added';
    case 'passkey_removed':
      return 'Passkey removed';
    case 'recovery_codes_regenerated':
      return 'Recovery codes regenerated';
    case 'recovery_code_used':
      return `Recovery code used${left(e.recoveryCodesRemaining)}`;
    case 'mfa_reset': {
      const who = e.actor ? (e.actor.name ?? e.actor.email) : 'an owner';
      return `MFA reset by ${who}${e.organization ? ` of ${e.organization.name}` : ''}`;
    }
    case 'mfa_locked':
      return 'Code entry locked after 10 wrong codes';
  }
}

/** A second line, when there is more to say. */
export function activityDetail(e: SecurityActivity): string | null {
  if (e.type === 'mfa_reset' && e.reason) return `Reason: ${e.reason}`;
  if (e.type === 'mfa_locked' && e.lockedUntil) return `Until ${formatDateTime(e.lockedUntil)}`;
  return null;
}
