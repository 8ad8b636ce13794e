import { BRAND } from '@/lib/brand';
import { clock, nextId, type UserRecord } from './db';
import { deliver } from './outbox';

/**
 * The notice a person gets when a passkey is added to or removed from their account: plain
 * text, the passkey's name as text, never a secret. Small on purpose, so a general notice system
 * can take it over (`kind`, `to`, `subject`, `text`).
 */
export function notifyPasskeyChange(
  user: UserRecord,
  kind: 'passkey_added' | 'passkey_removed',
  passkeyName: string,
  extra = '',
): void {
  const now = clock.now();
  const added = kind === 'passkey_added';
  deliver({
    id: nextId('mail'),
    kind,
    to: user.email,
    subject: added
      ? `A passkey was added to your ${BRAND.name} account`
      : `A passkey was removed from your ${BRAND.name} account`,
    text: [
      `Hello ${user.name ?? user.email},`,
      '',
      `${added ? 'A passkey or security key was added to' : 'A passkey or security key was removed from'} your account: "${passkeyName}" (${new Date(now).toISOString()}).${extra ? ` ${extra}` : ''}`,
      '',
      `If this was not you, sign in to ${BRAND.product} at once, change your password and review My profile → Security.`,
    ].join('\n'),
    sentAt: now,
  });
}
