import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  Actor,
  advance,
  controlsOnly,
  email,
  GUS_SECRET,
  OLIVIA_SECRET,
  PASSWORD,
  reset,
  signedIn,
  totpCode,
  wrongCode,
} from '../context';
import { gap } from '../known-gaps';

export function authScenarios() {
  before(reset);

  it('a person without MFA signs in, has a session, signs out', async () => {
    const adam = new Actor();
    const signIn = await adam.post('/auth/sign-in', { email: email('adam'), password: PASSWORD });
    assert.equal(signIn.status, 200);
    assert.equal(signIn.json.status, 'signed_in');
    assert.equal((await adam.get('/session')).status, 200);
    assert.equal((await adam.delete('/session')).status, 204);
    assert.equal((await adam.get('/session')).status, 401);
    assert.equal((await adam.delete('/session')).status, 204, 'signing out twice is fine');
  });

  it('a person with MFA gets a challenge, then a session with mfa', async () => {
    const olivia = new Actor();
    const first = await olivia.post('/auth/sign-in', {
      email: email('olivia'),
      password: PASSWORD,
    });
    assert.equal(first.json.status, 'mfa_required');
    assert.equal(olivia.cookie, null, 'no session before the second factor');
    const challenge = first.json.challenge as { id: string };
    const second = await olivia.post('/auth/mfa', {
      challengeId: challenge.id,
      code: await totpCode(OLIVIA_SECRET),
    });
    assert.equal(second.status, 200);
    assert.deepEqual((second.json.session as { amr: string[] }).amr, ['pwd', 'mfa']);
  });

  it('a wrong password and an unknown account get the same 401', async () => {
    const a = await new Actor().post('/auth/sign-in', { email: email('mia'), password: 'nope' });
    const b = await new Actor().post('/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'nope',
    });
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal(a.json.code, b.json.code);
  });

  it('malformed sign-in requests are 400 problems', async () => {
    const actor = new Actor();
    for (const body of [{ email: email('mia') }, { email: email('mia'), password: 1 }, {}]) {
      assert.equal((await actor.post('/auth/sign-in', body)).status, 400);
    }
    const extra = await actor.post('/auth/sign-in', { email: 'a', password: 'b', admin: true });
    assert.equal(extra.status, 400);
    const broken = await actor.post('/auth/sign-in', '{"email":', { raw: true });
    assert.equal(broken.status, 400);
  });

  it('the second step wants exactly one well-formed code', async () => {
    const gus = new Actor();
    const first = await gus.post('/auth/sign-in', { email: email('gus'), password: PASSWORD });
    const challengeId = (first.json.challenge as { id: string }).id;
    const neither = await gus.post('/auth/mfa', { challengeId });
    assert.equal(neither.status, 400);
    const both = await gus.post('/auth/mfa', {
      challengeId,
      code: '123456',
      recoveryCode: 'aaaa-bbbb-cccc-dddd',
    });
    assert.equal(both.status, 400);
    assert.equal((await gus.post('/auth/mfa', { challengeId, code: '12 34 56' })).status, 400);
    assert.equal((await gus.post('/auth/mfa', { challengeId, recoveryCode: 'short' })).status, 400);
    const unknown = await gus.post('/auth/mfa', { challengeId: 'chl_nope', code: '123456' });
    assert.equal(unknown.status, 401);
    const right = await gus.post('/auth/mfa', { challengeId, code: await totpCode(GUS_SECRET) });
    assert.equal(right.status, 200);
  });

  it('a recovery code signs in once', async () => {
    const olivia = await signedIn('olivia');
    const fresh = await olivia.post('/me/mfa/recovery-codes', {
      code: await totpCode(OLIVIA_SECRET),
    });
    assert.equal(fresh.status, 200);
    const [recoveryCode] = fresh.json.recoveryCodes as string[];
    const attempt = async () => {
      const actor = new Actor();
      const first = await actor.post('/auth/sign-in', {
        email: email('olivia'),
        password: PASSWORD,
      });
      const challengeId = (first.json.challenge as { id: string }).id;
      return actor.post('/auth/mfa', { challengeId, recoveryCode });
    };
    assert.equal((await attempt()).status, 200);
    assert.equal((await attempt()).status, 401, 'a used recovery code is refused');
  });

  it('ten wrong codes lock the second step with 429 and Retry-After', controlsOnly(), async () => {
    await reset();
    const gus = new Actor();
    const first = await gus.post('/auth/sign-in', { email: email('gus'), password: PASSWORD });
    const challengeId = (first.json.challenge as { id: string }).id;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const wrong = await wrongCode(GUS_SECRET);
      statuses.push((await gus.post('/auth/mfa', { challengeId, code: wrong })).status);
    }
    assert.deepEqual(statuses.slice(0, 9), Array(9).fill(401));
    assert.equal(statuses[9], 429);
    assert.equal(statuses[10], 429);
    await reset();
  });

  it('password guessing is limited with 429 and Retry-After', controlsOnly(), async () => {
    await reset();
    const guesser = new Actor();
    let status = 0;
    for (let i = 0; i < 101 && status !== 429; i++) {
      status = (await guesser.post('/auth/sign-in', { email: email('mia'), password: `x${i}` }))
        .status;
    }
    assert.equal(status, 429, 'guessing is slowed down long before 100 failures');
    // Waiting out each Retry-After, the 100th failure in a row locks password sign-in (403).
    let failures = 0;
    for (let i = 0; i < 200 && status !== 403; i++) {
      const answer = await guesser.post('/auth/sign-in', {
        email: email('mia'),
        password: `y${i}`,
      });
      status = answer.status;
      if (status === 401) failures++;
      if (status === 429) await advance(Number(answer.headers.get('retry-after')) * 1000);
    }
    assert.equal(status, 403, 'locked after at most 100 consecutive failures (NIST SP 800-63B)');
    assert.ok(failures < 100);
    await reset();
  });

  it('single sign-on adds its method to the session; unknown providers are 404', async () => {
    const mia = await signedIn('mia');
    const sso = await mia.post('/auth/sso/acme', {});
    assert.equal(sso.status, 200);
    assert.ok((sso.json.amr as string[]).includes('sso:acme'));
    assert.equal((await mia.post('/auth/sso/nope', {})).status, 404);
  });

  it('step-up: 409 without MFA, 400 without a code, 200 with one', async () => {
    const adam = await signedIn('adam');
    assert.equal((await adam.post('/session/mfa', { code: '123456' })).status, 409);
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.post('/session/mfa', {})).status, 400);
    const ok = await olivia.post('/session/mfa', { code: await totpCode(OLIVIA_SECRET) });
    assert.equal(ok.status, 200);
  });

  it(
    'step-up with a wrong code answers a documented status',
    gap('stepUpSession 422'),
    async () => {
      const olivia = await signedIn('olivia');
      const wrong = await olivia.post('/session/mfa', { code: '000000' });
      assert.ok(wrong.status >= 400 && wrong.status < 500);
    },
  );
}
