import { afterEach, describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { clock, db, type EmailRecord } from './db';
import { seededRecoveryCodes } from './seed';
import { deployment } from './deployment';
import { sendSecurityNotice, type NoticeKind } from './security-notice';

const DEFAULT_PUBLIC_URL = deployment.publicUrl;

const PUBLIC = 'https://console.nimbus.example';
const notices = (kind: NoticeKind) => db.outbox.filter((m) => m.kind === kind);
const olivia = () => {
  const user = db.users.get('usr_olivia');
  if (!user) throw new Error('seed');
  return user;
};

/** What every notice must hold, and must not. */
function expectSafeNotice(mail: EmailRecord | undefined, secrets: string[] = []) {
  expect(mail).toBeDefined();
  const text = mail?.text ?? '';
  expect(text).toContain('If this was not you');
  expect(text).toContain(`My profile → Security: ${PUBLIC}/profile/security`);
  expect(text).not.toMatch(/\b\d{6}\b/); // no TOTP code
  expect(text).not.toMatch(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/); // no recovery code
  expect(text).not.toContain(OLIVIA_SECRET);
  for (const s of secrets) expect(text).not.toContain(s);
  expect(mail?.eventId).toMatch(/^act_/);
}

async function startOlivia(): Promise<string> {
  const res = await call('POST', '/auth/sign-in', {
    email: 'olivia@example.com',
    password: 'nimbus-demo',
  });
  return (res.json.challenge as { id: string }).id;
}

afterEach(() => {
  deployment.publicUrl = DEFAULT_PUBLIC_URL;
});

describe('security notices', () => {
  it('app added and removed: one notice each, link from the configured public URL', async () => {
    deployment.publicUrl = `${PUBLIC}/`;
    await signInAs('adam');
    const start = await call('POST', '/me/mfa/totp/enrollments', undefined, {
      Host: 'evil.example',
    });
    const { id, secret } = start.json as { id: string; secret: string };
    const verified = await call('POST', `/me/mfa/totp/enrollments/${id}/verify`, {
      code: codeFor(secret),
    });
    const codes = (verified.json as { recoveryCodes: string[] }).recoveryCodes;
    expect(notices('mfa_enabled')).toHaveLength(1);
    expect(notices('mfa_enabled')[0]?.subject).toBe(
      'An authenticator app was added to your Nimbus account',
    );
    expectSafeNotice(notices('mfa_enabled')[0], [secret, ...codes]);
    expect(notices('mfa_enabled')[0]?.text).not.toContain('evil.example');
    clock.advance(30_000);
    const removed = await call('POST', '/me/mfa/removal', { code: codeFor(secret) });
    expect(removed.status).toBe(200);
    expect(notices('mfa_removed')).toHaveLength(1);
    expectSafeNotice(notices('mfa_removed')[0], [secret]);
  });

  it('recovery codes regenerated: one notice on a double submit, without the codes', async () => {
    deployment.publicUrl = PUBLIC;
    await signInAs('olivia');
    const key = { 'Idempotency-Key': 'regen-key-0001' };
    const body = { code: codeFor(OLIVIA_SECRET) };
    const [first, second] = await Promise.all([
      call('POST', '/me/mfa/recovery-codes', body, key),
      call('POST', '/me/mfa/recovery-codes', body, key),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409); // the replay of an answer that held codes
    expect(notices('recovery_codes_regenerated')).toHaveLength(1);
    expectSafeNotice(
      notices('recovery_codes_regenerated')[0],
      (first.json as { recoveryCodes: string[] }).recoveryCodes,
    );
  });

  it('a recovery code used to sign in: one notice saying how many are left', async () => {
    deployment.publicUrl = PUBLIC;
    const code = seededRecoveryCodes('usr_olivia')[0] ?? '';
    const res = await call('POST', '/auth/mfa', {
      challengeId: await startOlivia(),
      recoveryCode: code,
    });
    expect(res.json).toMatchObject({ status: 'signed_in', recoveryCodesRemaining: 9 });
    const [mail, ...more] = notices('recovery_code_used');
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe('A recovery code was used to sign in to your Nimbus account');
    expect(mail?.text).toContain('9 codes are left.');
    expectSafeNotice(mail, [code, code.replace(/-/g, '')]);
  });

  it('says when 3 or fewer codes are left, and to regenerate them', async () => {
    deployment.publicUrl = PUBLIC;
    const mfa = olivia().mfa;
    if (mfa) mfa.recoveryCodeHashes = mfa.recoveryCodeHashes.map((h, i) => (i < 6 ? null : h));
    const code = seededRecoveryCodes('usr_olivia')[6] ?? '';
    await call('POST', '/auth/mfa', { challengeId: await startOlivia(), recoveryCode: code });
    expect(notices('recovery_code_used')[0]?.text).toContain(
      '3 codes are left. Regenerate your recovery codes',
    );
  });

  it('a lock after failed codes: one notice, none for the attempts while locked', async () => {
    deployment.publicUrl = PUBLIC;
    const challengeId = await startOlivia();
    const valid = new Set([-1, 0, 1].map((s) => codeFor(OLIVIA_SECRET, s)));
    const wrong = ['000000', '111111', '222222'].find((c) => !valid.has(c)) ?? '333333';
    for (let i = 0; i < 10; i++) await call('POST', '/auth/mfa', { challengeId, code: wrong });
    expect((await call('POST', '/auth/mfa', { challengeId, code: wrong })).status).toBe(429);
    const [mail, ...more] = notices('mfa_locked');
    expect(more).toHaveLength(0);
    expect(mail?.text).toContain('locked until 2026-11-28T12:15:00.000Z');
    expectSafeNotice(mail, [wrong]);
  });

  it('MFA reset by an organization names who, when and why', () => {
    deployment.publicUrl = PUBLIC;
    const sent = sendSecurityNotice(db, olivia(), 'mfa_reset', {
      eventId: 'act_reset1',
      actorName: 'Adam Admin',
      orgName: 'Acme Corp',
      reason: 'Lost phone, ticket 123',
    });
    expect(sent).toBe(true);
    const mail = notices('mfa_reset')[0];
    expect(mail?.subject).toBe('Your multi-factor authentication was reset by Acme Corp');
    expect(mail?.text).toContain('Adam Admin of Acme Corp reset');
    expect(mail?.text).toContain('2026-11-28T12:00:00.000Z');
    expect(mail?.text).toContain('Reason given: Lost phone, ticket 123');
    expectSafeNotice(mail);
  });

  it('passkey added and removed (the kinds passkeys use) name the passkey as text', () => {
    deployment.publicUrl = PUBLIC;
    sendSecurityNotice(db, olivia(), 'passkey_added', {
      eventId: 'act_pk1',
      passkeyName: '<b>YubiKey</b>',
    });
    sendSecurityNotice(db, olivia(), 'passkey_removed', { eventId: 'act_pk2' });
    expect(notices('passkey_added')[0]?.text).toContain('named "<b>YubiKey</b>"');
    expectSafeNotice(notices('passkey_added')[0]);
    expectSafeNotice(notices('passkey_removed')[0]);
  });

  it('sends one notice per event id, never two', () => {
    const details = { eventId: 'act_same' };
    expect(sendSecurityNotice(db, olivia(), 'mfa_locked', details)).toBe(true);
    expect(sendSecurityNotice(db, olivia(), 'mfa_locked', details)).toBe(false);
    expect(db.outbox.filter((m) => m.eventId === 'act_same')).toHaveLength(1);
  });
});
