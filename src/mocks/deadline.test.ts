import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { mfaRequiredAt } from './mfa-schedule';
import { requireOrgAccess } from './org-access';
import { ProblemError } from './problems';
import { acme, oliviaSchedules } from './schedule-test-helpers';

const SECOND = 1_000;

/** Mia's access to Acme decided with no request handler around it: no scheduler tick ran. */
function miaAccessWithoutTick(): 'allowed' | 'denied' {
  try {
    requireOrgAccess(new Request('http://localhost/api/orgs/acme'), 'acme');
    return 'allowed';
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'additional_authentication_required')
      return 'denied';
    throw error;
  }
}

describe('the deadline', () => {
  it.each([
    // Europe/Berlin midnight on the days its clocks change (last Sundays of March and October).
    ['the night clocks go forward (Berlin, CET +01:00)', '2027-03-28T00:00:00+01:00'],
    ['the day after it (Berlin, CEST +02:00)', '2027-03-29T00:00:00+02:00'],
    ['the night clocks go back (Berlin, CEST +02:00)', '2027-10-31T00:00:00+02:00'],
    ['the day after it (Berlin, CET +01:00)', '2027-11-01T00:00:00+01:00'],
    ['a plain UTC instant', '2026-12-12T09:30:00Z'],
  ])('on %s: one second before is allowed, one second after is denied', async (_, at) => {
    const { deadline } = await oliviaSchedules(at, []);
    await signInAs('mia');
    const mia = db.sessions.get(db.jar.sessionId ?? '');
    clock.set(deadline - SECOND);
    if (mia) mia.expiresAt = deadline + 60 * SECOND; // the session outlives the jump
    expect(miaAccessWithoutTick()).toBe('allowed');
    expect((await call('GET', '/orgs/acme/security')).status).toBe(200);
    clock.set(deadline + SECOND);
    // Before any tick recorded it, the requirement already holds.
    expect(acme().mfaRequired).toBe(false);
    expect(mfaRequiredAt(acme())).toBe(true);
    expect(miaAccessWithoutTick()).toBe('denied');
    const denied = await call('GET', '/orgs/acme/security');
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({ parameters: { amr: ['mfa'], missing: ['mfa'] } });
    // The request's tick recorded it; Mia is still a member.
    expect(acme().mfaRequired).toBe(true);
    expect(db.memberships.get('org_acme')?.some((m) => m.userId === 'usr_mia')).toBe(true);
  });

  it('is exact to the millisecond: at the instant itself MFA is required', async () => {
    const { deadline } = await oliviaSchedules('2026-12-12T00:00:00+01:00', []);
    expect(mfaRequiredAt(acme(), deadline - 1)).toBe(false);
    expect(mfaRequiredAt(acme(), deadline)).toBe(true);
  });
});
