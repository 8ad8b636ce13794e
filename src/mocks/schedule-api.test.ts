import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { TEST_NOW } from '../../tests/setup';
import { clock, db } from './db';
import { createSession } from './sessions';
import {
  acme,
  acmeEvents,
  oliviaSchedules,
  putSchedule,
  readSchedule,
  waveJobs,
} from './schedule-test-helpers';

describe('PUT /orgs/{orgSlug}/mfa-schedule', () => {
  it('schedules with every wave, sends "Now" at once and records the event', async () => {
    const { res } = await oliviaSchedules();
    expect(res.headers.get('ETag')).toBe('"s1.o1"');
    expect(res.json).toMatchObject({
      status: 'scheduled',
      requiredFrom: '2026-12-11T23:00:00.000Z',
      reminderPlan: ['now', '7d', '3d', '1d'],
      createdBy: { id: 'usr_olivia' },
      progress: { total: 48, mfaEnabled: 29, byRole: { owner: { total: 1, mfaEnabled: 1 } } },
    });
    const waves = res.json.waves as { key: string; status: string; at: string }[];
    expect(waves.map((w) => [w.key, w.status])).toEqual([
      ['now', 'sending'],
      ['7d', 'planned'],
      ['3d', 'planned'],
      ['1d', 'planned'],
    ]);
    expect(waves[1]?.at).toBe('2026-12-04T23:00:00.000Z');
    expect(res.json.nextWave).toMatchObject({ key: '7d' });
    expect(acmeEvents().map((e) => e.type)).toEqual(['mfa_schedule_created']);
    expect(waveJobs()).toHaveLength(1);
    // The wave's job finishes: one event with the outcome, on behalf of Olivia.
    clock.advance(1_000);
    const jobs = await call('GET', '/orgs/acme/reminder-jobs');
    expect(jobs.json.items).toMatchObject([{ status: 'completed', sent: 19, wave: 'now' }]);
    expect(acmeEvents().at(-1)).toMatchObject({
      type: 'scheduled_reminder_sent',
      actorId: 'usr_olivia',
      details: { wave: 'now', sent: 19, skipped: 0 },
    });
    expect(acme().mfaRequired).toBe(false);
  });

  it('allows an empty plan (no waves) and refuses an unknown wave', async () => {
    await signInAs('olivia');
    const { etag } = await readSchedule();
    const bad = await putSchedule(
      { requiredFrom: '2026-12-12T00:00:00Z', reminderPlan: ['now', '2w'] },
      etag,
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      code: 'unknown_wave',
      parameters: { parameter: 'reminderPlan' },
    });
    const ok = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z', reminderPlan: [] }, etag);
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ waves: [], nextWave: null, reminderPlan: [] });
    expect(waveJobs()).toHaveLength(0);
  });

  it.each([
    ['the past', '2026-11-01T00:00:00Z', 'date_too_early'],
    ['today', '2026-11-28T23:00:00Z', 'date_too_early'],
    ['today in its own zone (+14:00)', '2026-11-29T10:00:00+14:00', 'date_too_early'],
    ['366 days ahead', '2027-11-29T00:00:00Z', 'date_too_late'],
    ['not a date', 'next tuesday', 'invalid_date'],
    ['an impossible date', '2026-02-30T00:00:00Z', 'invalid_date'],
    ['no zone', '2026-12-12T00:00:00', 'zone_required'],
    ['a date alone', '2026-12-12', 'zone_required'],
    ['a number', 1765497600000, 'invalid_type'],
  ])('refuses %s with 400 and changes nothing', async (_, requiredFrom, code) => {
    await signInAs('olivia');
    const { etag } = await readSchedule();
    const res = await putSchedule({ requiredFrom }, etag);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code, parameters: { parameter: 'requiredFrom' } });
    expect(acme().mfaSchedule).toBeUndefined();
    expect(acmeEvents()).toEqual([]);
    expect((await readSchedule()).etag).toBe(etag);
  });

  it('accepts tomorrow and exactly 365 days ahead, by the server clock', async () => {
    expect(new Date(TEST_NOW).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    await signInAs('olivia');
    const first = await putSchedule(
      { requiredFrom: '2027-11-28T00:00:00Z' },
      (await readSchedule()).etag,
    );
    expect(first.status).toBe(201);
    const cancel = await call('DELETE', '/orgs/acme/mfa-schedule', undefined, {
      'If-Match': first.headers.get('ETag') ?? '',
    });
    expect(cancel.status).toBe(200);
    const second = await putSchedule(
      { requiredFrom: '2026-11-29T00:00:00Z' },
      cancel.headers.get('ETag') ?? '',
    );
    expect(second.status).toBe(201);
  });

  it('needs If-Match (428) and a fresh one (412 with the current state)', async () => {
    await signInAs('olivia');
    const missing = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z' });
    expect(missing.status).toBe(428);
    // "Any version" would skip the changed-meanwhile check: refused as the switch refuses it.
    for (const any of ['*', `*, ${(await readSchedule()).etag}`]) {
      const star = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z' }, any);
      expect(star.status).toBe(428);
      expect(star.json.code).toBe('precondition_required');
    }
    const stale = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z' }, '"s0.o0"');
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({
      code: 'precondition_failed',
      parameters: { current: { status: 'none' } },
    });
    expect(stale.headers.get('ETag')).toBe('"s0.o1"');
    expect(acme().mfaSchedule).toBeUndefined();
  });

  it('refuses a member, an admin without MFA and a session without MFA (403)', async () => {
    for (const [who, code] of [
      ['mia', 'forbidden_role'],
      ['adam', 'mfa_not_enabled'],
    ] as const) {
      await signInAs(who);
      const { etag } = await readSchedule();
      const res = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z' }, etag);
      expect(res.status).toBe(403);
      expect(res.json.code).toBe(code);
    }
    createSession('usr_olivia', ['pwd']);
    const res = await putSchedule({ requiredFrom: '2026-12-12T00:00:00Z' }, '*');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('session_without_mfa');
    expect(acme().mfaSchedule).toBeUndefined();
  });

  it('refuses to schedule where MFA is already required, or already scheduled (409)', async () => {
    await signInAs('olivia');
    const security = await call('GET', '/orgs/acme/security');
    const on = await call(
      'PATCH',
      '/orgs/acme/security',
      { mfaRequired: true },
      {
        'If-Match': security.headers.get('ETag') ?? '',
      },
    );
    expect(on.status).toBe(200);
    const required = await putSchedule(
      { requiredFrom: '2026-12-12T00:00:00Z' },
      (await readSchedule()).etag,
    );
    expect(required.status).toBe(409);
    expect(required.json.code).toBe('already_required');
    acme().mfaRequired = false;
    const { res } = await oliviaSchedules();
    const again = await putSchedule(
      { requiredFrom: '2026-12-20T00:00:00Z' },
      res.headers.get('ETag') ?? '',
    );
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('already_scheduled');
  });
});

describe('changing, cancelling and requiring now', () => {
  it('moves the date: waves not yet sent are planned again, the sent one stays', async () => {
    const { res } = await oliviaSchedules();
    const changed = await call(
      'PATCH',
      '/orgs/acme/mfa-schedule',
      { requiredFrom: '2027-01-15T00:00:00+01:00' },
      { 'If-Match': res.headers.get('ETag') ?? '' },
    );
    expect(changed.status).toBe(200);
    const waves = changed.json.waves as { key: string; at: string; status: string }[];
    expect(waves.map((w) => [w.key, w.at])).toEqual([
      ['now', expect.any(String)],
      ['7d', '2027-01-07T23:00:00.000Z'],
      ['3d', '2027-01-11T23:00:00.000Z'],
      ['1d', '2027-01-13T23:00:00.000Z'],
    ]);
    expect(waves[0]?.status).not.toBe('planned');
    expect(acmeEvents().map((e) => e.type)).toContain('mfa_schedule_changed');
    const stale = await call(
      'PATCH',
      '/orgs/acme/mfa-schedule',
      { requiredFrom: '2027-01-20T00:00:00Z' },
      { 'If-Match': res.headers.get('ETag') ?? '' },
    );
    expect(stale.status).toBe(412);
  });

  it('cancels once; a second cancel is a clear 409 (or 412 with the old ETag)', async () => {
    const { res } = await oliviaSchedules();
    const first = await call('DELETE', '/orgs/acme/mfa-schedule', undefined, {
      'If-Match': res.headers.get('ETag') ?? '',
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'cancelled', nextWave: null });
    const stale = await call('DELETE', '/orgs/acme/mfa-schedule', undefined, {
      'If-Match': res.headers.get('ETag') ?? '',
    });
    expect(stale.status).toBe(412);
    const again = await call('DELETE', '/orgs/acme/mfa-schedule', undefined, {
      'If-Match': first.headers.get('ETag') ?? '',
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'no_active_schedule' });
    expect(String(again.json.detail)).toContain('already cancelled');
    // No further waves, and nothing becomes required at the old date.
    clock.set(Date.parse('2026-12-13T00:00:00Z'));
    await call('GET', '/orgs/acme/mfa-schedule');
    expect(waveJobs()).toHaveLength(1);
    expect(acme().mfaRequired).toBe(false);
    expect(acmeEvents().filter((e) => e.type === 'mfa_schedule_cancelled')).toHaveLength(1);
  });

  it('requires MFA now: Mia is blocked at once, nobody is removed', async () => {
    const { res } = await oliviaSchedules();
    const members = db.memberships.get('org_acme')?.length;
    const now = await call('POST', '/orgs/acme/mfa-schedule/require-now', undefined, {
      'If-Match': res.headers.get('ETag') ?? '',
    });
    expect(now.status).toBe(200);
    expect(now.json.status).toBe('in_effect');
    expect(acme().mfaRequired).toBe(true);
    expect(acmeEvents().at(-1)).toMatchObject({
      type: 'mfa_schedule_took_effect',
      actorId: 'usr_olivia',
      details: { early: true },
    });
    await signInAs('mia');
    expect((await call('GET', '/orgs/acme')).status).toBe(403);
    expect(db.memberships.get('org_acme')?.length).toBe(members);
  });

  it('shows members the schedule without the progress, and gives the banner its data', async () => {
    await oliviaSchedules();
    await signInAs('mia');
    const { body } = await readSchedule();
    expect(body).toMatchObject({
      status: 'scheduled',
      progress: null,
      viewer: { canChange: false },
    });
    const orgs = await call('GET', '/orgs');
    expect(orgs.json.items).toContainEqual(
      expect.objectContaining({
        slug: 'acme',
        mfaRequired: false,
        mfaSchedule: { requiredFrom: '2026-12-11T23:00:00.000Z', serverTime: expect.any(String) },
      }),
    );
  });
});
