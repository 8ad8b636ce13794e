import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { seededRecoveryCodes } from './seed';

type Page = {
  items: { id: string; type: string; method?: string; at: string }[];
  nextCursor: string | null;
};
const page = async (query = '') =>
  (await call('GET', `/me/security-activity${query}`)).json as unknown as Page;

describe('GET /me/security-activity', () => {
  it('lists the person’s own events newest first, with the sign-in method', async () => {
    await signInAs('olivia');
    clock.advance(60_000);
    await call('POST', '/me/mfa/recovery-codes', { code: codeFor(OLIVIA_SECRET) });
    const { items, nextCursor } = await page();
    expect(items.map((e) => e.type)).toEqual(['recovery_codes_regenerated', 'signed_in']);
    expect(items[1]?.method).toBe('totp');
    expect(Date.parse(items[0]?.at ?? '')).toBeGreaterThan(Date.parse(items[1]?.at ?? ''));
    expect(nextCursor).toBeNull();
  });

  it('records a sign-in with a recovery code, the code used and how many are left', async () => {
    const first = await call('POST', '/auth/sign-in', {
      email: 'olivia@example.com',
      password: 'nimbus-demo',
    });
    const challengeId = (first.json.challenge as { id: string }).id;
    await call('POST', '/auth/mfa', {
      challengeId,
      recoveryCode: seededRecoveryCodes('usr_olivia')[0],
    });
    const { items } = await page();
    expect(items[0]).toMatchObject({ type: 'signed_in', method: 'recovery_code' });
    expect(items[1]).toMatchObject({ type: 'recovery_code_used', recoveryCodesRemaining: 9 });
  });

  it('records a password-only sign-in and a lock, never other people’s events', async () => {
    await signInAs('mia');
    db.activity.push({ id: 'act_other', userId: 'usr_gus', type: 'mfa_locked', at: clock.now() });
    const { items } = await page();
    expect(items).toEqual([expect.objectContaining({ type: 'signed_in', method: 'password' })]);
  });

  it('pages on the server with a cursor, and refuses someone else’s or an unknown cursor', async () => {
    await signInAs('adam');
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await signInAs('adam');
    }
    const one = await page('?limit=2');
    expect(one.items).toHaveLength(2);
    expect(one.nextCursor).toBe(one.items[1]?.id);
    const two = await page(`?limit=2&cursor=${one.nextCursor}`);
    const three = await page(`?limit=2&cursor=${two.nextCursor}`);
    expect(three.items).toHaveLength(1);
    expect(three.nextCursor).toBeNull();
    const ids = [...one.items, ...two.items, ...three.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(5);
    db.activity.push({ id: 'act_gus', userId: 'usr_gus', type: 'signed_in', at: clock.now() });
    for (const bad of ['?cursor=act_gus', '?cursor=nope', '?limit=0', '?limit=51', '?limit=x'])
      expect((await call('GET', `/me/security-activity${bad}`)).status, bad).toBe(400);
  });

  it('answers 401 without a session', async () => {
    expect((await call('GET', '/me/security-activity')).status).toBe(401);
  });
});
