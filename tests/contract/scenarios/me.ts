import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  advance,
  controlsOnly,
  OLIVIA_SECRET,
  reset,
  signedIn,
  totpCode,
  wrongCode,
} from '../context';
import { enrollTotp } from '../people';

export function meScenarios() {
  before(reset);

  it('every role reads its profile and MFA status', async () => {
    for (const name of ['olivia', 'adam', 'mia', 'gus'] as const) {
      const actor = await signedIn(name);
      assert.equal((await actor.get('/me')).status, 200);
      assert.equal((await actor.get('/me/mfa')).status, 200);
    }
  });

  it('enrollment: start, one at a time, cancel, wrong and malformed codes, confirm', async () => {
    const mia = await signedIn('mia');
    const first = await mia.post('/me/mfa/totp/enrollments', {});
    assert.equal(first.status, 201);
    assert.equal((await mia.post('/me/mfa/totp/enrollments', {})).status, 409);
    const id = first.json.id as string;
    assert.equal((await mia.delete(`/me/mfa/totp/enrollments/${id}`)).status, 204);
    assert.equal((await mia.delete(`/me/mfa/totp/enrollments/${id}`)).status, 404);
    assert.equal(
      (await mia.post(`/me/mfa/totp/enrollments/${id}/verify`, { code: '123456' })).status,
      404,
    );
    const again = await mia.post('/me/mfa/totp/enrollments', {});
    const path = `/me/mfa/totp/enrollments/${again.json.id as string}/verify`;
    const secret = again.json.secret as string;
    assert.equal((await mia.post(path, { code: 'abc' })).status, 400);
    assert.equal((await mia.post(path, { code: await wrongCode(secret) })).status, 422);
    assert.equal((await mia.post(path, { code: await totpCode(secret) })).status, 200);
    assert.equal((await mia.post('/me/mfa/totp/enrollments', {})).status, 409, 'already on');
    // Remove it again, so the demo world is as before.
    const removed = await mia.post('/me/mfa/removal', { code: await totpCode(secret) });
    assert.equal(removed.status, 200);
  });

  it('an enrollment expires (410)', controlsOnly(), async () => {
    await reset();
    const mia = await signedIn('mia');
    const started = await mia.post('/me/mfa/totp/enrollments', {});
    await advance(11 * 60_000);
    const late = await mia.post(`/me/mfa/totp/enrollments/${started.json.id as string}/verify`, {
      code: '123456',
    });
    assert.equal(late.status, 410);
  });

  it('recovery codes: new ones with a code; 400, 409 and 422 otherwise; replays', async () => {
    await reset();
    const olivia = await signedIn('olivia');
    const fresh = await olivia.post('/me/mfa/recovery-codes', {
      code: await totpCode(OLIVIA_SECRET),
    });
    assert.equal(fresh.status, 200);
    assert.equal(fresh.headers.get('cache-control'), 'no-store');
    assert.equal((await olivia.post('/me/mfa/recovery-codes', {})).status, 400);
    const wrong = await olivia.post('/me/mfa/recovery-codes', {
      code: await wrongCode(OLIVIA_SECRET),
    });
    assert.equal(wrong.status, 422);
    const adam = await signedIn('adam');
    assert.equal((await adam.post('/me/mfa/recovery-codes', { code: '123456' })).status, 409);
    // The same Idempotency-Key: never the codes twice (409); with another body, 422.
    const key = { headers: { 'Idempotency-Key': 'contract-recovery-1' } };
    const body = { code: await totpCode(OLIVIA_SECRET) };
    assert.equal((await olivia.post('/me/mfa/recovery-codes', body, key)).status, 200);
    assert.equal((await olivia.post('/me/mfa/recovery-codes', body, key)).status, 409);
    const other = await olivia.post('/me/mfa/recovery-codes', { code: '000001' }, key);
    assert.equal(other.status, 422);
  });

  it('removal: owners of an organization that requires MFA are refused; others remove it', async () => {
    await reset();
    const gus = await signedIn('gus');
    assert.equal((await gus.post('/me/mfa/removal', { code: '123456' })).status, 403);
    const adam = await signedIn('adam');
    assert.equal((await adam.post('/me/mfa/removal', { code: '123456' })).status, 409);
    const mia = await signedIn('mia');
    const { secret, recoveryCodes } = await enrollTotp(mia);
    assert.equal((await mia.post('/me/mfa/removal', {})).status, 400);
    assert.equal(
      (await mia.post('/me/mfa/removal', { code: await wrongCode(secret) })).status,
      422,
    );
    const removed = await mia.post('/me/mfa/removal', { recoveryCode: recoveryCodes[0] });
    assert.equal(removed.status, 200);
    assert.equal(removed.json.enabled, false);
  });

  it('ten wrong codes lock confirmations too (429)', controlsOnly(), async () => {
    await reset();
    const olivia = await signedIn('olivia');
    let last = 0;
    for (let i = 0; i < 10; i++) {
      last = (await olivia.post('/me/mfa/removal', { code: await wrongCode(OLIVIA_SECRET) }))
        .status;
    }
    assert.equal(last, 429);
    const locked = await olivia.post('/me/mfa/recovery-codes', { code: '123456' });
    assert.equal(locked.status, 429);
    assert.equal((await olivia.post('/session/mfa', { code: '123456' })).status, 429);
    await reset();
  });

  it('my security activity: pages by cursor (200); a bad limit or cursor is 400', async () => {
    const olivia = await signedIn('olivia');
    const first = await olivia.get('/me/security-activity?limit=1');
    assert.equal(first.status, 200);
    const cursor = first.json.nextCursor as string | null;
    if (cursor) {
      const next = await olivia.get(`/me/security-activity?limit=1&cursor=${cursor}`);
      assert.equal(next.status, 200);
    }
    for (const query of ['?limit=0', '?limit=51', '?limit=x', '?cursor=nope'])
      assert.equal((await olivia.get(`/me/security-activity${query}`)).status, 400, query);
  });
}
