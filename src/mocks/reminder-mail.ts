import { BRAND, cliCommand } from '@/lib/brand';
import { nextId, type OrgRecord, type UserRecord } from './db';
import { deliver } from './outbox';

/**
 * The reminder e-mail: plain text (a name is never markup), the steps of the source document,
 * the link to My profile → Security. It never holds a secret, a code or a sign-in link with a
 * token: a reminder that could be phished must not look like it needs one.
 */
export function reminderText(
  user: UserRecord,
  org: OrgRecord,
  actor: UserRecord,
  origin: string,
): string {
  const requirement = org.mfaRequired
    ? `${org.name} requires MFA: until you set it up, you cannot use the Console, Git, SSH or the API in ${org.name}.`
    : `${org.name} asks every member to protect their account with MFA.`;
  return [
    `Hello ${user.name ?? user.email},`,
    '',
    `${actor.name ?? actor.email} asked you to set up multi-factor authentication (MFA) for your ${BRAND.name} account. ${requirement}`,
    '',
    'To set it up in the Console:',
    '1. Open the user menu (your name or profile picture).',
    '2. Click My profile.',
    '3. Click Security.',
    '4. Click Set up application.',
    '5. Follow the instructions for the authentication app you choose.',
    '6. Click Verify & save.',
    `7. Refresh your SSH credentials by running \`${cliCommand('login -f')}\` in the CLI.`,
    '',
    `My profile → Security: ${origin}/profile/security`,
    '',
    `Using the CLI instead? Run \`${cliCommand('login')}\` to log in using the browser.`,
    '',
    `${BRAND.name} never asks for a code or a password by e-mail. If you did not expect this message, open ${BRAND.product} yourself rather than following links.`,
  ].join('\n');
}

export function sendReminderMail(
  user: UserRecord,
  org: OrgRecord,
  actor: UserRecord,
  origin: string,
  at: number,
): void {
  deliver({
    id: nextId('mail'),
    kind: 'mfa_reminder',
    to: user.email,
    subject: `Set up multi-factor authentication for ${org.name}`,
    text: reminderText(user, org, actor, origin),
    sentAt: at,
  });
}
