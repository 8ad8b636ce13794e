import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { db } from './db';
import {
  newRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_BITS,
} from './recovery-codes';
import { seededRecoveryCodes } from './seed';

async function challengeOf(email: string): Promise<string> {
  const res = await call('POST', '/auth/sign-in', { email, password: 'nimbus-demo' });
  return (res.json.challenge as { id: string }).id;
}
const left = (id: string) => db.users.get(id)?.mfa?.recoveryCodeHashes.filter(Boolean).length;

describe('readable recovery codes', () => {
  it('use an alphabet without look-alikes, at least 64 bits each', () => {
    expect(RECOVERY_ALPHABET).not.toMatch(/[01oli]/);
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(64);
    for (let i = 0; i < 200; i++) {
      const code = newRecoveryCode();
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}$/);
    }
  });

  it('draws every symbol of the alphabet (no bias towards a part of it)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++)
      for (const ch of newRecoveryCode().replace(/-/g, '')) seen.add(ch);
    expect([...seen].sort().join('')).toBe(RECOVERY_ALPHABET);
  });

  it('normalises any case and separators to the same code', () => {
    for (const typed of [
      'ABCD-EFGH-JKMN-PQRS',
      'abcd efgh jkmn pqrs',
      'abcdefghjkmnpqrs',
      ' AbCd–EfGh.JkMn_PqRs ',
    ])
      expect(normalizeRecoveryCode(typed)).toBe('abcdefghjkmnpqrs');
  });

  it('accepts a newly issued code in upper case without separators at sign-in', async () => {
    await signInAs('olivia');
    const regen = await call('POST', '/me/mfa/recovery-codes', {
      recoveryCode: seededRecoveryCodes('usr_olivia')[1],
    });
    const codes = (regen.json as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    await call('DELETE', '/session');
    const typed = (codes[0] ?? '').replace(/-/g, '').toUpperCase();
    const res = await call('POST', '/auth/mfa', {
      challengeId: await challengeOf('olivia@example.com'),
      recoveryCode: typed,
    });
    expect(res.json).toMatchObject({ status: 'signed_in', recoveryCodesRemaining: 9 });
  });

  it('keeps the seeded (earlier format) codes of Olivia and Gus working, in any form', async () => {
    const [o] = seededRecoveryCodes('usr_olivia');
    expect(o).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const spaced = (o ?? '').toUpperCase().replace(/-/g, ' ');
    const res = await call('POST', '/auth/mfa', {
      challengeId: await challengeOf('olivia@example.com'),
      recoveryCode: spaced,
    });
    expect(res.status).toBe(200);
    expect(left('usr_olivia')).toBe(9);
    const [, g] = seededRecoveryCodes('usr_gus');
    const gus = await call('POST', '/auth/mfa', {
      challengeId: await challengeOf('gus@example.com'),
      recoveryCode: (g ?? '').replace(/-/g, ''),
    });
    expect(gus.json).toMatchObject({ status: 'signed_in', recoveryCodesRemaining: 9 });
  });

  it('refuses a code of the wrong shape with a 400 that shows the format, spending nothing', async () => {
    const res = await call('POST', '/auth/mfa', {
      challengeId: await challengeOf('olivia@example.com'),
      recoveryCode: 'abcd-efgh',
    });
    expect(res.json).toMatchObject({ status: 400, code: 'invalid_recovery_code_format' });
    expect(res.json.detail).toContain('any case');
    expect(left('usr_olivia')).toBe(10);
  });
});
