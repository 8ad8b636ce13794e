import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';

describe('member summary API', () => {
  it('counts who has MFA in Acme Corp, and who lacks it by role', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members/summary');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      total: 48,
      mfaEnabled: 29,
      withoutMfa: 19,
      withoutMfaByRole: expect.objectContaining({ owner: 0 }),
    });
    const byRole = res.json.withoutMfaByRole as Record<string, number>;
    expect(byRole.owner + byRole.admin + byRole.member).toBe(19);
  });

  it('counts Initech’s 100,000 members', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/initech/members/summary');
    expect(res.json.total).toBe(100_000);
    expect(res.json.mfaEnabled as number).toBeGreaterThan(69_000);
    expect(res.json.mfaEnabled as number).toBeLessThan(71_000);
  });

  it('refuses a plain member with 403 forbidden_role', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/acme/members/summary');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
  });
});
