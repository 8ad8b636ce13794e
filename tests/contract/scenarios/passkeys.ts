import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Actor, controlsOnly, email, PASSWORD, reset, signedIn } from '../context';
import {
  device,
  fromConsole,
  passkeySignIn,
  register,
  registrationOptions,
  stepUpProof,
} from '../passkey-ceremony';

/** Mia (no MFA) adds a passkey; every scenario here removes it again, so the world is as before. */
async function miaWithPasskey() {
  const mia = await signedIn('mia');
  const key = device();
  const added = await register(mia, key, { name: 'Contract key' });
  assert.equal(added.status, 201, added.text);
  const passkeyId = (added.json.passkey as { id: string }).id;
  return { mia, key, passkeyId, recoveryCodes: added.json.recoveryCodes as string[] };
}

async function removeWithPasskey(mia: Actor, key: ReturnType<typeof device>, id: string) {
  const removed = await mia.post(`/me/passkeys/${id}/removal`, await stepUpProof(mia, key));
  assert.equal(removed.status, 200, removed.text);
  return removed;
}

export function passkeyScenarios() {
  before(reset);

  it('adding: options, a verified credential (201), refused ones (400), a second time (409)', async () => {
    const mia = await signedIn('mia');
    assert.deepEqual((await mia.get('/me/passkeys')).json.items, []);
    assert.equal((await mia.post('/session/passkey-options', {})).status, 409, 'no passkey yet');
    const foreign = await register(mia, device(), { bend: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 400, 'made for another website');
    const options = await registrationOptions(mia);
    const noCredential = await mia.post('/me/passkeys', { challengeId: options.challengeId });
    assert.equal(noCredential.status, 400);
    const key = device();
    const added = await register(mia, key, { name: 'Contract key' });
    assert.equal(added.status, 201, added.text);
    assert.equal((added.json.recoveryCodes as string[]).length, 10, 'the first method');
    const again = await register(mia, key, { reuse: key.credentials[0] });
    assert.equal(again.status, 409);
    const id = (added.json.passkey as { id: string }).id;
    await removeWithPasskey(mia, key, id);
  });

  it("list and rename (200); an empty name (400); someone else's or no passkey (404)", async () => {
    const { mia, key, passkeyId } = await miaWithPasskey();
    const list = await mia.get('/me/passkeys');
    assert.equal(list.status, 200);
    assert.equal((list.json.items as unknown[]).length, 1);
    const renamed = await mia.patch(`/me/passkeys/${passkeyId}`, { name: 'Desk key' });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.json.name, 'Desk key');
    assert.equal((await mia.patch(`/me/passkeys/${passkeyId}`, { name: ' ' })).status, 400);
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.patch(`/me/passkeys/${passkeyId}`, { name: 'Mine' })).status, 404);
    assert.equal((await mia.patch('/me/passkeys/pk_nope', { name: 'X' })).status, 404);
    await removeWithPasskey(mia, key, passkeyId);
  });

  it('signing in with a passkey: alone, or as the second step (200); refusals (400, 401)', async () => {
    const { mia, key, passkeyId } = await miaWithPasskey();
    const alone = await passkeySignIn(new Actor(), key);
    assert.equal(alone.status, 200, alone.text);
    assert.deepEqual((alone.json.session as { amr: string[] }).amr, ['hwk', 'mfa']);
    const stranger = new Actor();
    const first = await stranger.post('/auth/sign-in', { email: email('mia'), password: PASSWORD });
    assert.equal(first.json.status, 'mfa_required');
    const challengeId = (first.json.challenge as { id: string }).id;
    const second = await passkeySignIn(stranger, key, challengeId);
    assert.equal(second.status, 200, second.text);
    const anonymous = new Actor();
    const opts = (body: unknown) => anonymous.post('/auth/passkey/options', body, fromConsole());
    assert.equal((await opts({ extra: 1 })).status, 400);
    assert.equal((await opts({ challengeId: 'chl_nope' })).status, 401, 'expired sign-in');
    const sign = (body: unknown) => anonymous.post('/auth/passkey', body, fromConsole());
    assert.equal((await sign({ passkeyChallengeId: 'x' })).status, 400, 'no credential');
    const options = (await opts({})).json as { publicKey: { challenge: string } };
    const assertion = await key.get(options.publicKey as never);
    const unknown = await sign({ passkeyChallengeId: 'wac_nope', credential: assertion });
    assert.equal(unknown.status, 401);
    await removeWithPasskey(mia, key, passkeyId);
  });

  it('removal: one proof only (400), no such passkey (404), a wrong proof (422), then 200', async () => {
    const { mia, key, passkeyId } = await miaWithPasskey();
    const path = `/me/passkeys/${passkeyId}/removal`;
    const both = { code: '123456', ...(await stepUpProof(mia, key)) };
    assert.equal((await mia.post(path, both)).status, 400);
    assert.equal((await mia.post('/me/passkeys/pk_nope/removal', {})).status, 404);
    const wrong = await mia.post(path, { recoveryCode: 'aaaa-bbbb-cccc-dddd' });
    assert.equal(wrong.status, 422);
    const removed = await removeWithPasskey(mia, key, passkeyId);
    assert.equal(removed.json.enabled, false, 'the last method: MFA is off again');
  });

  it('removal: ten wrong proofs lock it (429 + Retry-After)', controlsOnly(), async () => {
    await reset();
    const { mia, passkeyId } = await miaWithPasskey();
    const path = `/me/passkeys/${passkeyId}/removal`;
    let last = await mia.post(path, { recoveryCode: 'aaaa-bbbb-cccc-dddd' });
    for (const letter of 'efghjkmnp') {
      if (last.status === 429) break;
      last = await mia.post(path, { recoveryCode: `aaaa-bbbb-cccc-ddd${letter}` });
    }
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) > 0);
    await reset();
  });
}
