import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { advance, controlsOnly, reset, signedIn, type Actor } from '../context';
import { enrollTotp, memberId } from '../people';

/** Acme verifies acme.example: Irene and Maryam are managed accounts with MFA; Olivia owns it. */
const IRENE = 'irene@acme.example';
const MARYAM = 'maryam@acme.example';
const reason = 'Lost the phone (contract suite)';

const ask = (owner: Actor, userId: string, body: unknown) =>
  owner.post(`/orgs/acme/members/${userId}/mfa-reset`, body);
const decide = (actor: Actor, id: string, how: 'approve' | 'decline') =>
  actor.post(`/orgs/acme/mfa-reset-requests/${id}/${how}`, {});

export function mfaResetScenarios() {
  before(reset);

  it('asking: 201 pending while two managers have MFA; 400, 404, 409 and 422 refused', async () => {
    const olivia = await signedIn('olivia');
    const irene = await memberId(olivia, 'acme', IRENE);
    assert.equal((await ask(olivia, irene, { email: IRENE })).status, 400, 'no reason');
    assert.equal((await ask(olivia, irene, { reason, email: MARYAM })).status, 422, 'not her');
    assert.equal((await ask(olivia, 'usr_nope', { reason, email: IRENE })).status, 404);
    const noMfa = await memberId(olivia, 'acme', 'script@acme.example');
    const nothing = await ask(olivia, noMfa, { reason, email: 'script@acme.example' });
    assert.equal(nothing.status, 409, 'nothing to reset');
    const asked = await ask(olivia, irene, { reason, email: IRENE });
    assert.equal(asked.status, 201, asked.text);
    assert.equal(asked.json.status, 'pending');
    assert.equal((await ask(olivia, irene, { reason, email: IRENE })).status, 409, 'pending');
    // Leave the world as it was: Adam (admin) declines it.
    const adam = await signedIn('adam');
    assert.equal((await decide(adam, asked.json.id as string, 'decline')).status, 200);
  });

  it('the open requests: managers 200, members 403, elsewhere 404', async () => {
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.get('/orgs/acme/mfa-reset-requests')).status, 200);
    assert.equal((await olivia.get('/orgs/no-such-org/mfa-reset-requests')).status, 404);
    const mia = await signedIn('mia');
    assert.equal((await mia.get('/orgs/acme/mfa-reset-requests')).status, 403);
  });

  it('deciding: declined (200), then already decided (409); unknown requests 404', async () => {
    const olivia = await signedIn('olivia');
    const irene = await memberId(olivia, 'acme', IRENE);
    const asked = await ask(olivia, irene, { reason, email: IRENE });
    assert.equal(asked.status, 201, asked.text);
    const id = asked.json.id as string;
    const adam = await signedIn('adam');
    assert.equal((await decide(adam, id, 'decline')).status, 200);
    assert.equal((await decide(adam, id, 'decline')).status, 409);
    assert.equal((await decide(olivia, id, 'approve')).status, 409);
    assert.equal((await decide(olivia, 'rst_nope', 'approve')).status, 404);
    assert.equal((await decide(adam, 'rst_nope', 'decline')).status, 404);
  });

  it(
    'a second manager approves (200); after 24 hours a request expired (410)',
    controlsOnly(),
    async () => {
      await reset();
      const olivia = await signedIn('olivia');
      // Adam sets up MFA, so he can approve with a fresh step-up.
      const adam = await signedIn('adam');
      const { secret } = await enrollTotp(adam);
      const asked = await ask(olivia, await memberId(olivia, 'acme', IRENE), {
        reason,
        email: IRENE,
      });
      assert.equal(asked.status, 201, asked.text);
      const approved = await decide(adam, asked.json.id as string, 'approve');
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.json.status, 'completed');
      const maryam = await memberId(olivia, 'acme', MARYAM);
      const late = await ask(olivia, maryam, { reason, email: MARYAM });
      assert.equal(late.status, 201, late.text);
      await advance(25 * 3_600_000);
      // Sessions last 12 hours: Adam signs in again, with his app (a fresh step-up).
      const next = await signedIn('adam', secret);
      const id = late.json.id as string;
      assert.equal((await decide(next, id, 'decline')).status, 410);
      assert.equal((await decide(next, id, 'approve')).status, 410);
      await reset();
    },
  );
}
