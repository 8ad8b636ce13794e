import { BRAND } from '@/lib/brand';
import { clock, nextId, type DbState, type EmailKind, type UserRecord } from './db';
import { deployment } from './deployment';
import { deliver } from './outbox';

export type NoticeKind = Exclude<EmailKind, 'mfa_reminder'>;

export interface NoticeDetails {
  /** The activity event the notice is about: a second notice for the same event is not sent. */
  eventId: string;
  /** When it happened (defaults to the mock's now). */
  at?: number;
  /** recovery_code_used: how many codes are left, and whether it signed in or confirmed a change. */
  remaining?: number;
  purpose?: 'sign_in' | 'confirm';
  /** mfa_reset: who reset it, for which organization, and why. */
  actorName?: string;
  orgName?: string;
  reason?: string;
  /** mfa_locked: when the lock ends. */
  lockedUntil?: number;
  /** passkey_added / passkey_removed: the passkey's name. */
  passkeyName?: string;
  /** mfa_removed: passkeys remain, so MFA and the recovery codes stay. */
  passkeysLeft?: boolean;
  /** A sentence added to the body (what the change did to MFA as a whole). */
  note?: string;
}

/**
 * Where the notices' link points: the Console's configured public address (`deployment.ts`, the
 * HTTP server's PUBLIC_URL), as for reminder e-mails. Never the request's Host header.
 */
export function publicOrigin(): string {
  return deployment.publicUrl.replace(/\/+$/, '');
}

const iso = (ms: number) => new Date(ms).toISOString();
const account = `your ${BRAND.name} account`;

function content(
  kind: NoticeKind,
  d: NoticeDetails,
  at: number,
): { subject: string; body: string } {
  switch (kind) {
    case 'mfa_enabled':
      return {
        subject: `An authenticator app was added to ${account}`,
        body: `An authenticator app was set up for your account on ${iso(at)} and 10 new recovery codes were created.`,
      };
    case 'mfa_removed':
      if (d.passkeysLeft)
        return {
          subject: `An authenticator app was removed from ${account}`,
          body: `The authenticator app was removed from your account on ${iso(at)}. Your passkeys and recovery codes still work.`,
        };
      return {
        subject: `An authenticator app was removed from ${account}`,
        body: `The authenticator app was removed from your account on ${iso(at)} and its recovery codes no longer work. Organizations that require MFA will block your access until you set it up again.`,
      };
    case 'passkey_added':
      return {
        subject: `A passkey was added to ${account}`,
        body: `A passkey${d.passkeyName ? ` named "${d.passkeyName}"` : ''} was added to your account on ${iso(at)}.`,
      };
    case 'passkey_removed':
      return {
        subject: `A passkey was removed from ${account}`,
        body: `A passkey${d.passkeyName ? ` named "${d.passkeyName}"` : ''} was removed from your account on ${iso(at)}.`,
      };
    case 'recovery_codes_regenerated':
      return {
        subject: `New recovery codes for ${account}`,
        body: `New recovery codes were created for your account on ${iso(at)}. The previous codes no longer work.`,
      };
    case 'recovery_code_used': {
      const left = d.remaining ?? 0;
      const to = d.purpose === 'confirm' ? 'to confirm a change to' : 'to sign in to';
      return {
        subject: `A recovery code was used ${to} ${account}`,
        body: `A recovery code was used ${to} your account on ${iso(at)}. ${left} ${left === 1 ? 'code is' : 'codes are'} left.${left <= 3 ? ' Regenerate your recovery codes in My profile → Security so you are not locked out.' : ''}`,
      };
    }
    case 'mfa_reset':
      return {
        subject: `Your multi-factor authentication was reset by ${d.orgName ?? 'an organization'}`,
        body: [
          `${d.actorName ?? 'An owner'} of ${d.orgName ?? 'an organization'} reset the multi-factor authentication of your account on ${iso(at)}.`,
          `Reason given: ${d.reason ?? '(none)'}`,
          'Your authenticator apps, passkeys and recovery codes were deleted and your sessions were ended. You will set up MFA again at your next sign-in.',
        ].join('\n'),
      };
    case 'mfa_locked':
      return {
        subject: `Sign-in codes for ${account} were locked after too many wrong codes`,
        body: `After 10 wrong codes on ${iso(at)}, entering codes for your account is locked until ${iso(d.lockedUntil ?? at)}.`,
      };
  }
}

/**
 * A notice to the person about a change to their sign-in methods (NIST SP 800-63B §4.6, ASVS
 * 6.3.7): plain text (names are never markup), what to do if it was not them, the link to My
 * profile → Security, and never a secret, a code or a sign-in link. Idempotent: one notice per
 * event id. Returns whether a notice was sent.
 */
export function sendSecurityNotice(
  state: DbState,
  user: UserRecord,
  kind: NoticeKind,
  details: NoticeDetails,
): boolean {
  if (state.outbox.some((m) => m.eventId === details.eventId)) return false;
  const at = details.at ?? clock.now();
  const { subject, body: base } = content(kind, details, at);
  const body = details.note ? `${base} ${details.note}` : base;
  deliver(
    {
      id: nextId('mail'),
      kind,
      to: user.email,
      subject,
      text: [
        `Hello ${user.name ?? user.email},`,
        '',
        body,
        '',
        `If this was not you: sign in to ${BRAND.product} yourself (do not follow links in messages you did not expect), change your password, review your sign-in methods in My profile → Security and regenerate your recovery codes. If you cannot sign in, ask an owner of your organization for help.`,
        '',
        `My profile → Security: ${publicOrigin()}/profile/security`,
        '',
        `${BRAND.name} never asks for a code or a password by e-mail.`,
      ].join('\n'),
      sentAt: at,
      eventId: details.eventId,
    },
    state,
  );
  return true;
}
