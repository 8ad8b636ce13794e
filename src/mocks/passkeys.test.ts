import { describe, expect, it } from 'vitest';
import { account, call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import {
  addPasskey,
  passkeySignInOptions,
  passwordless,
  stepUpProof,
} from '../../tests/passkey-api';
import { SoftAuthenticator } from '../../tests/soft-authenticator';
import { clock, db } from './db';
import { seededRecoveryCodes } from './seed';

type Registered = {
  passkey: { id: string; name: string };
  recoveryCodes: string[] | null;
  mfa: { enabled: boolean; passkeyCount: number; method: string | null };
  session: { amr: string[] };
};
const user = (id: string) => {
  const found = db.users.get(id);
  if (!found) throw new Error(id);
  return found;
};
const org = (slug: string) => {
  const found = [...db.orgs.values()].find((o) => o.slug === slug);
  if (!found) throw new Error(slug);
  return found;
};

describe('registering a passkey', () => {
  it('as the first method: MFA on, 10 recovery codes once, hwk+mfa on the session, an e-mail', async () => {
    await signInAs('adam');
    const { res } = await addPasskey(new SoftAuthenticator(), 'Chromium on Linux');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = res.json as unknown as Registered;
    expect(body.recoveryCodes).toHaveLength(10);
    expect(body.mfa).toMatchObject({ enabled: true, passkeyCount: 1, method: null });
    expect(body.session.amr).toEqual(['pwd', 'hwk', 'mfa']);
    expect(body.passkey.name).toBe('Chromium on Linux');
    const stored = user('usr_adam').passkeys?.[0];
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      [
        'aaguid',
        'counter',
        'createdAt',
        'id',
        'lastUsedAt',
        'name',
        'publicKey',
        'transports',
      ].sort(),
    );
    expect(stored?.transports).toEqual(['internal']);
    expect(db.outbox.filter((m) => m.kind === 'passkey_added')).toHaveLength(1);
    const list = await call('GET', '/me/passkeys');
    expect(list.json.items).toMatchObject([{ name: 'Chromium on Linux', lastUsedAt: null }]);
  });

  it('beside the app: no new recovery codes; the old ones still work', async () => {
    await signInAs('olivia');
    const { res } = await addPasskey();
    expect((res.json as unknown as Registered).recoveryCodes).toBeNull();
    expect(user('usr_olivia').mfa?.secret).toBe(OLIVIA_SECRET);
    const first = await call('POST', '/auth/sign-in', {
      email: account('olivia').email,
      password: 'nimbus-demo',
    });
    expect((first.json.challenge as { methods: string[] }).methods).toEqual([
      'totp',
      'recovery_code',
      'passkey',
    ]);
    const second = await call('POST', '/auth/mfa', {
      challengeId: (first.json.challenge as { id: string }).id,
      recoveryCode: seededRecoveryCodes('usr_olivia')[0],
    });
    expect(second.status).toBe(200);
  });

  it('needs a session confirmed with MFA when the person already has MFA', async () => {
    await signInAs('olivia');
    const session = [...db.sessions.values()].at(-1);
    if (session) session.amr = ['pwd'];
    const res = await call('POST', '/me/passkeys/registration-options');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('session_without_mfa');
  });
});

describe('signing in with a passkey', () => {
  it('at the second step: amr pwd+hwk+mfa, the counter and last use stored', async () => {
    await signInAs('olivia');
    const { device } = await addPasskey();
    const first = await call('POST', '/auth/sign-in', {
      email: account('olivia').email,
      password: 'nimbus-demo',
    });
    const stepId = (first.json.challenge as { id: string }).id;
    const options = await passkeySignInOptions(stepId);
    expect(options.publicKey.allowCredentials?.map((c) => c.id)).toEqual([
      device.credentials[0]?.id,
    ]);
    clock.advance(60_000);
    const res = await call('POST', '/auth/passkey', {
      challengeId: stepId,
      passkeyChallengeId: options.challengeId,
      credential: await device.get(options.publicKey),
    });
    expect(res.status, res.text).toBe(200);
    expect((res.json.session as { amr: string[] }).amr).toEqual(['pwd', 'hwk', 'mfa']);
    const stored = user('usr_olivia').passkeys?.[0];
    expect(stored).toMatchObject({ counter: 1, lastUsedAt: clock.now() });
    // The password step is used up too.
    const again = await passkeySignInOptions().then(() =>
      call('POST', '/auth/passkey/options', { challengeId: stepId }),
    );
    expect(again.json.code).toBe('challenge_expired');
  });

  it('without a password (discoverable, user verified): amr hwk+mfa', async () => {
    await signInAs('adam');
    const { device } = await addPasskey();
    await call('DELETE', '/session');
    const { res, options } = await passwordless(device);
    expect(options.publicKey.userVerification).toBe('required');
    expect(options.publicKey.allowCredentials ?? []).toEqual([]);
    expect(res.status).toBe(200);
    expect((res.json.session as { amr: string[]; user: { id: string } }).amr).toEqual([
      'hwk',
      'mfa',
    ]);
    expect((await call('GET', '/session')).json.user).toMatchObject({ id: 'usr_adam' });
  });

  it('a passkey confirms a session (step-up): hwk and mfa are added', async () => {
    await signInAs('olivia');
    const { device } = await addPasskey();
    const session = [...db.sessions.values()].at(-1);
    if (session) session.amr = ['pwd'];
    const res = await call('POST', '/session/mfa', await stepUpProof(device));
    expect(res.status).toBe(200);
    expect(res.json.amr).toEqual(['pwd', 'hwk', 'mfa']);
  });
});

describe('removal rules', () => {
  it('the last method going takes the recovery codes with it, and e-mails the person', async () => {
    await signInAs('adam');
    const { device } = await addPasskey();
    const id = user('usr_adam').passkeys?.[0]?.id ?? '';
    const res = await call('POST', `/me/passkeys/${id}/removal`, await stepUpProof(device));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ enabled: false, passkeyCount: 0, recoveryCodesRemaining: 0 });
    expect(user('usr_adam').mfa).toBeNull();
    expect((await call('GET', '/session')).json.amr).toEqual(['pwd']);
    const mail = db.outbox.filter((m) => m.kind === 'passkey_removed');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain('recovery codes no longer work');
  });

  it('an owner of an organization that requires MFA keeps at least one method', async () => {
    await signInAs('adam');
    const { device } = await addPasskey();
    const acme = org('acme');
    acme.mfaRequired = true;
    const membership = db.memberships.get(acme.id)?.find((m) => m.userId === 'usr_adam');
    if (membership) membership.role = 'owner';
    const id = user('usr_adam').passkeys?.[0]?.id ?? '';
    const res = await call('POST', `/me/passkeys/${id}/removal`, await stepUpProof(device));
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('owner_requires_mfa');
  });

  it('an owner of an organization that accepts only passkeys keeps the last passkey; the app may go', async () => {
    await signInAs('olivia');
    await addPasskey();
    Object.assign(org('acme'), { mfaRequired: true, mfaMethods: 'phishing_resistant' });
    const id = user('usr_olivia').passkeys?.[0]?.id ?? '';
    const res = await call('POST', `/me/passkeys/${id}/removal`, { code: codeFor(OLIVIA_SECRET) });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('owner_requires_passkey');
    const app = await call('POST', '/me/mfa/removal', { code: codeFor(OLIVIA_SECRET) });
    expect(app.status, app.text).toBe(200);
    expect(app.json).toMatchObject({ enabled: true, method: null, passkeyCount: 1 });
    expect(app.json.recoveryCodesRemaining).toBe(10);
  });
});

describe('organizations that require phishing-resistant methods', () => {
  it('deny a session made with the app, listing "hwk"; a passkey step-up lets the person in', async () => {
    await signInAs('olivia');
    const { device } = await addPasskey();
    Object.assign(org('acme'), { mfaRequired: true, mfaMethods: 'phishing_resistant' });
    const session = [...db.sessions.values()].at(-1);
    if (session) session.amr = ['pwd', 'mfa'];
    const denied = await call('GET', '/orgs/acme/security');
    expect(denied.status).toBe(403);
    expect(denied.json.parameters).toMatchObject({ amr: ['hwk'], missing: ['hwk'] });
    await call('POST', '/session/mfa', await stepUpProof(device));
    const open = await call('GET', '/orgs/acme/security');
    expect(open.status).toBe(200);
    expect(open.json.mfaMethods).toBe('phishing_resistant');
  });

  it('can be required only by someone with a passkey in a session confirmed with it', async () => {
    await signInAs('olivia');
    const read = await call('GET', '/orgs/acme/security');
    const etag = read.headers.get('ETag') ?? '';
    const body = { mfaRequired: true, mfaMethods: 'phishing_resistant' };
    const refused = await call('PATCH', '/orgs/acme/security', body, { 'If-Match': etag });
    expect(refused.json.code).toBe('passkey_not_registered');
    await addPasskey();
    const res = await call('PATCH', '/orgs/acme/security', body, { 'If-Match': etag });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ mfaRequired: true, mfaMethods: 'phishing_resistant' });
    expect(db.events.at(-1)).toMatchObject({ details: { mfaMethods: 'phishing_resistant' } });
  });
});

describe('the user list', () => {
  it("shows each person's methods, filters by method and has a methods column in the CSV", async () => {
    await signInAs('olivia');
    await addPasskey();
    const withPasskey = await call('GET', '/orgs/acme/members?method=passkey');
    expect(withPasskey.status).toBe(200);
    expect(withPasskey.json.total).toBe(1);
    expect(withPasskey.json.items).toMatchObject([
      { email: 'olivia@example.com', methods: ['app', 'passkey'] },
    ]);
    const withApp = await call('GET', '/orgs/acme/members?method=app');
    const summary = await call('GET', '/orgs/acme/members/summary');
    // Everyone with MFA in Acme has an app; all but Olivia have only the app.
    expect(withApp.json.total).toBe(summary.json.mfaEnabled);
    expect(summary.json.appOnly).toBe(Number(summary.json.mfaEnabled) - 1);
    expect((await call('GET', '/orgs/acme/members?method=sms')).status).toBe(400);
    const csv = await call('GET', '/orgs/acme/members.csv?method=passkey');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('name,email,role,mfa_enabled,last_reminded_at,methods');
    expect(lines[1]).toBe('Olivia Owner,olivia@example.com,owner,true,,app passkey');
  });
});
