import { describe, expect, it } from 'vitest';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { call, signInAs, account } from '../../tests/api';
import {
  addPasskey,
  passkeySignInOptions,
  passwordless,
  register,
  registrationOptions,
  stepUpProof,
} from '../../tests/passkey-api';
import { SoftAuthenticator } from '../../tests/soft-authenticator';
import { clock, db } from './db';

const passkeysOf = (id: string) => db.users.get(id)?.passkeys ?? [];

/** Adam signs in with his password and registers a passkey (his first method). */
async function adamWithPasskey() {
  await signInAs('adam');
  return (await addPasskey()).device;
}

// Every bad input of issue 13, each answered with a problem document and nothing stored.
describe('passkeys: bad input', () => {
  it('1. refuses a replayed assertion (the challenge is single use)', async () => {
    const device = await adamWithPasskey();
    const { res, options, assertion } = await passwordless(device);
    expect(res.status).toBe(200);
    const again = await call('POST', '/auth/passkey', {
      passkeyChallengeId: options.challengeId,
      credential: assertion,
    });
    expect(again.status).toBe(401);
    expect(again.json.code).toBe('webauthn_challenge_invalid');
  });

  it("2. refuses another person's key answering a challenge made for someone else", async () => {
    const adamDevice = await adamWithPasskey();
    // Olivia passes her password step; Adam's key answers the passkey challenge made for her.
    const first = await call('POST', '/auth/sign-in', {
      email: account('olivia').email,
      password: 'nimbus-demo',
    });
    const stepId = (first.json.challenge as { id: string }).id;
    await signInAs('olivia');
    await addPasskey();
    const options = await passkeySignInOptions(stepId);
    const assertion = await adamDevice.get(options.publicKey);
    const res = await call('POST', '/auth/passkey', {
      challengeId: stepId,
      passkeyChallengeId: options.challengeId,
      credential: assertion,
    });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unknown_credential');
  });

  it('3. refuses a challenge made for another session (a registration for someone else)', async () => {
    await signInAs('olivia');
    const olivias = await registrationOptions();
    await signInAs('adam');
    const device = new SoftAuthenticator();
    const credential = await device.create(olivias.publicKey);
    const res = await call('POST', '/me/passkeys', {
      challengeId: olivias.challengeId,
      credential,
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('webauthn_challenge_invalid');
    expect(db.webauthnChallenges.has(olivias.challengeId)).toBe(true);
    expect(passkeysOf('usr_adam')).toHaveLength(0);
  });

  it('4. refuses an expired challenge (5 minutes)', async () => {
    const device = await adamWithPasskey();
    const options = await passkeySignInOptions();
    clock.advance(5 * 60_000);
    const res = await call('POST', '/auth/passkey', {
      passkeyChallengeId: options.challengeId,
      credential: await device.get(options.publicKey),
    });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('webauthn_challenge_expired');
  });

  it('5. refuses a registration and an assertion made on another origin', async () => {
    await signInAs('adam');
    const reg = await register(new SoftAuthenticator('https://nimbus.evil.example'));
    expect(reg.status).toBe(400);
    expect(reg.json.code).toBe('webauthn_verification_failed');
    expect(reg.json.detail).toContain('origin');
    const device = (await addPasskey()).device;
    const { res } = await passwordless(device, { origin: 'https://nimbus.evil.example' });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('webauthn_verification_failed');
  });

  it('6. refuses a registration and an assertion for another RP ID', async () => {
    await signInAs('adam');
    const reg = await register(new SoftAuthenticator(), { rpId: 'evil.example' });
    expect(reg.status).toBe(400);
    expect(reg.json.detail).toContain('RP ID');
    const device = (await addPasskey()).device;
    const { res } = await passwordless(device, { rpId: 'evil.example' });
    expect(res.status).toBe(401);
    expect(res.json.detail).toContain('RP ID');
  });

  it('7. refuses a counter that went back (a cloned key) and records the event', async () => {
    const device = await adamWithPasskey();
    expect((await passwordless(device, { counter: 5 })).res.status).toBe(200);
    const { res } = await passwordless(device, { counter: 3 });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('passkey_counter_regressed');
    const event = db.accountEvents.find((e) => e.type === 'passkey_counter_regressed');
    expect(event).toMatchObject({ userId: 'usr_adam', details: { stored: 5, received: 3 } });
    expect(passkeysOf('usr_adam')[0]?.counter).toBe(5);
  });

  it("8. refuses a credential id that is not the person's (step-up with another person's key)", async () => {
    const adamDevice = await adamWithPasskey();
    await signInAs('olivia');
    await addPasskey();
    const res = await call('POST', '/session/passkey-options');
    const options = res.json as unknown as { challengeId: string; publicKey: never };
    const credential = await adamDevice.get(options.publicKey);
    const step = await call('POST', '/session/mfa', {
      passkey: { challengeId: options.challengeId, credential },
    });
    expect(step.status).toBe(422);
    expect(step.json.code).toBe('unknown_credential');
  });

  it('9. refuses a registration response tampered with after creation', async () => {
    await signInAs('adam');
    const device = new SoftAuthenticator();
    const options = await registrationOptions();
    const credential = await device.create(options.publicKey);
    // The client data now claims a sign-in ("webauthn.get") instead of a creation.
    const clientData = JSON.parse(isoBase64URL.toUTF8String(credential.response.clientDataJSON));
    credential.response.clientDataJSON = isoBase64URL.fromUTF8String(
      JSON.stringify({ ...clientData, type: 'webauthn.get' }),
    );
    const res = await call('POST', '/me/passkeys', {
      challengeId: options.challengeId,
      credential,
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('webauthn_verification_failed');
    // A cut attestation object: not valid CBOR any more.
    const second = await registrationOptions();
    const broken = await device.create(second.publicKey);
    broken.response.attestationObject = broken.response.attestationObject.slice(0, 40);
    const cut = await call('POST', '/me/passkeys', {
      challengeId: second.challengeId,
      credential: broken,
    });
    expect(cut.status).toBe(400);
    expect(passkeysOf('usr_adam')).toHaveLength(0);
  });

  it('10. refuses the same authenticator twice, and lists it in excludeCredentials', async () => {
    const device = await adamWithPasskey();
    const options = await registrationOptions();
    const existing = device.credentials[0];
    expect(options.publicKey.excludeCredentials?.map((c) => c.id)).toEqual([existing?.id]);
    const again = await device.create(options.publicKey, {}, existing);
    const res = await call('POST', '/me/passkeys', {
      challengeId: options.challengeId,
      credential: again,
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('passkey_already_registered');
    expect(passkeysOf('usr_adam')).toHaveLength(1);
  });

  it('11. refuses a name over 64 characters, on registration and rename', async () => {
    await signInAs('adam');
    const long = 'x'.repeat(65);
    const res = await register(new SoftAuthenticator(), {}, long);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('invalid_name');
    await addPasskey();
    const id = passkeysOf('usr_adam')[0]?.id ?? '';
    const rename = await call('PATCH', `/me/passkeys/${id}`, { name: long });
    expect(rename.status).toBe(400);
    expect(rename.json.code).toBe('invalid_name');
    expect((await call('PATCH', `/me/passkeys/${id}`, { name: 'x'.repeat(64) })).status).toBe(200);
  });

  it('12. refuses a name with control characters', async () => {
    await signInAs('adam');
    await addPasskey();
    const id = passkeysOf('usr_adam')[0]?.id ?? '';
    for (const name of ['Key\u0000one', 'Key\nnew line', 'Bell\u0007', 'C1\u0085']) {
      const res = await call('PATCH', `/me/passkeys/${id}`, { name });
      expect(res.status, name).toBe(400);
      expect(res.json.code).toBe('invalid_name');
    }
    expect(passkeysOf('usr_adam')[0]?.name).not.toMatch(/\p{Cc}/u);
  });

  it('13. refuses to remove a key with a wrong step-up code', async () => {
    await signInAs('olivia');
    await addPasskey();
    const id = passkeysOf('usr_olivia')[0]?.id ?? '';
    const res = await call('POST', `/me/passkeys/${id}/removal`, { code: '000000' });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('invalid_code');
    const wrongRecovery = await call('POST', `/me/passkeys/${id}/removal`, {
      recoveryCode: 'aaaa-bbbb-cccc-dddd',
    });
    expect(wrongRecovery.status).toBe(422);
    expect(passkeysOf('usr_olivia')).toHaveLength(1);
    expect(db.outbox.some((m) => m.kind === 'passkey_removed')).toBe(false);
  });

  it('14. refuses a passkey without user verification for a sign-in without password', async () => {
    const device = await adamWithPasskey();
    const { res } = await passwordless(device, { userVerified: false });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('webauthn_verification_failed');
  });

  it('15. refuses a step-up assertion whose signature was made for other data', async () => {
    const device = await adamWithPasskey();
    const proof = await stepUpProof(device);
    proof.passkey.credential.response.signature = (
      await stepUpProof(device)
    ).passkey.credential.response.signature;
    const res = await call('POST', '/session/mfa', proof);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('webauthn_verification_failed');
  });
});
