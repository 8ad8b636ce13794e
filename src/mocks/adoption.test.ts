import { describe, expect, it } from 'vitest';
import { call } from '../../tests/api';
import { OpenApiValidator } from '../../tests/contract/openapi-validator';
import { TEST_NOW } from '../../tests/setup';
import { startOfDayIso } from '@/lib/zoned-date';
import { adoptionOf } from './adoption';
import { clock, db } from './db';
import { acme, oliviaSchedules } from './schedule-test-helpers';

/** Mia (Acme, no MFA in the seed) sets up MFA at instant `at`. */
function miaEnablesMfaAt(at: string) {
  const mia = db.users.get('usr_mia');
  if (!mia) throw new Error('no mia');
  mia.mfa = { secret: null, enabledAt: Date.parse(at), lastUsedStep: 0, recoveryCodeHashes: [] };
}

/** Olivia's session outlives the clock's jumps of these tests. */
function keepSessionsAlive() {
  for (const s of db.sessions.values()) s.expiresAt = clock.now() + 30 * 86_400_000;
}

const points = (days: { date: string; mfaEnabled: number }[]) =>
  days.map((d) => `${d.date} ${d.mfaEnabled}`);

describe('the adoption series counts the viewer’s days', () => {
  it('in Pacific/Auckland (UTC+13): a day ends at midnight there, not at midnight UTC', async () => {
    // TEST_NOW, Nov 28 12:00 UTC, is already Nov 29 01:00 in Auckland.
    await oliviaSchedules(startOfDayIso('2026-12-12', 'Pacific/Auckland'), ['now', '7d']);
    miaEnablesMfaAt('2026-11-30T11:30:00Z'); // Dec 1, 00:30 in Auckland; still Nov 30 in UTC
    clock.set(Date.parse('2026-12-02T12:00:00Z')); // Dec 3, 01:00 in Auckland
    const auckland = adoptionOf(acme(), 'Pacific/Auckland');
    expect(auckland.timeZone).toBe('Pacific/Auckland');
    expect(points(auckland.days)).toEqual([
      '2026-11-29 29',
      '2026-11-30 29',
      '2026-12-01 30',
      '2026-12-02 30',
      '2026-12-03 30',
    ]);
    expect(points(adoptionOf(acme(), 'UTC').days)).toEqual([
      '2026-11-28 29',
      '2026-11-29 29',
      '2026-11-30 30',
      '2026-12-01 30',
      '2026-12-02 30',
    ]);
  });

  it('in America/Los_Angeles (UTC−8): an evening there stays on that day', async () => {
    clock.set(Date.parse('2026-11-29T03:00:00Z')); // Nov 28, 19:00 in Los Angeles
    await oliviaSchedules(startOfDayIso('2026-12-12', 'America/Los_Angeles'), ['now']);
    miaEnablesMfaAt('2026-11-30T05:00:00Z'); // Nov 29, 21:00 in Los Angeles
    clock.set(Date.parse('2026-12-01T06:00:00Z')); // Nov 30, 22:00 in Los Angeles
    expect(points(adoptionOf(acme(), 'America/Los_Angeles').days)).toEqual([
      '2026-11-28 29',
      '2026-11-29 30',
      '2026-11-30 30',
    ]);
    expect(points(adoptionOf(acme(), 'UTC').days)).toEqual([
      '2026-11-29 29',
      '2026-11-30 30',
      '2026-12-01 30',
    ]);
  });

  it('takes the zone from `tz`, by its canonical name; UTC without it', async () => {
    await oliviaSchedules(startOfDayIso('2026-12-12', 'Pacific/Auckland'));
    const asked = await call('GET', '/orgs/acme/mfa-schedule/adoption?tz=pacific%2Fauckland');
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({
      timeZone: 'Pacific/Auckland',
      days: [{ date: '2026-11-29', mfaEnabled: 29 }],
    });
    expect(
      new OpenApiValidator('src/api/openapi.yaml').schemaErrors('MfaAdoption', asked.json),
    ).toEqual([]);
    const plain = await call('GET', '/orgs/acme/mfa-schedule/adoption');
    expect(plain.json).toMatchObject({
      timeZone: 'UTC',
      days: [{ date: '2026-11-28', mfaEnabled: 29 }],
    });
  });

  it.each(['Mars/Olympus_Mons', '+13:00', '', 'x'.repeat(65)])(
    'answers 400 invalid_parameter to tz=%j',
    async (tz) => {
      await oliviaSchedules();
      const res = await call(
        'GET',
        `/orgs/acme/mfa-schedule/adoption?tz=${encodeURIComponent(tz)}`,
      );
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        code: 'invalid_parameter',
        parameters: { parameter: 'tz' },
      });
    },
  );

  it('stays bounded: at most 400 days, the latest, in any zone', async () => {
    await oliviaSchedules(startOfDayIso('2026-12-12', 'Pacific/Auckland'), []);
    clock.set(TEST_NOW + 500 * 86_400_000);
    keepSessionsAlive();
    const res = await call('GET', '/orgs/acme/mfa-schedule/adoption?tz=Pacific%2FAuckland');
    const days = res.json.days as { date: string }[];
    expect(days).toHaveLength(400);
    expect(days.at(-1)?.date).toBe('2028-04-12'); // Apr 11 12:00 UTC is Apr 12 00:00 in Auckland
  });
});
