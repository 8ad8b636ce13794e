// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../tests/api';
import { db, isInitechLoaded, membersOf } from '../db';
import { ProblemError } from '../problems';
import { findMembership, requireManager, requireOrgAccess } from '../org-access';
import { INITECH_ID } from '../seed';

const request = () => new Request('http://localhost/api/orgs/x');

function refusal(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requireOrgAccess', () => {
  it('needs a session (401)', () => {
    db.jar.sessionId = null;
    expect(refusal(() => requireOrgAccess(request(), 'acme'))).toMatchObject({ status: 401 });
  });

  it('an organization the person is not in answers like one that does not exist (404)', async () => {
    await signInAs('adam');
    const notMember = refusal(() => requireOrgAccess(request(), 'globex'));
    const unknown = refusal(() => requireOrgAccess(request(), 'nope'));
    expect(notMember).toMatchObject({ status: 404, code: 'not_found' });
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
    expect(notMember.detail).toBe('There is no organization "globex" that you belong to.');
  });

  it('denies a session without the required methods, saying which (403)', async () => {
    await signInAs('mia');
    const p = refusal(() => requireOrgAccess(request(), 'globex'));
    expect(p).toMatchObject({
      status: 403,
      code: 'additional_authentication_required',
      title: 'Access denied',
      detail: 'Additional authentication is required',
    });
    expect(p.extra).toEqual({
      parameters: {
        amr: ['mfa', 'sso:acme'],
        missing: ['mfa', 'sso:acme'],
        organization: 'globex',
        mfaEnabled: false,
        passkeyEnabled: false,
      },
      service: 'console:globex',
      user: { id: 'usr_mia', name: 'Mia Member', email: 'mia@example.com' },
    });
  });

  it('says whether the person has a passkey (the blocked page offers to add one)', async () => {
    await signInAs('mia');
    const mia = db.users.get('usr_mia');
    if (!mia) throw new Error('seed');
    mia.passkeys = [];
    const none = refusal(() => requireOrgAccess(request(), 'globex'));
    expect(none.extra.parameters).toMatchObject({ passkeyEnabled: false });
    mia.passkeys = [
      {
        id: 'cred-1',
        publicKey: 'pk',
        counter: 0,
        transports: ['internal'],
        aaguid: '00000000-0000-0000-0000-000000000000',
        name: 'Laptop',
        createdAt: 0,
        lastUsedAt: null,
      },
    ];
    const one = refusal(() => requireOrgAccess(request(), 'globex'));
    expect(one.extra.parameters).toMatchObject({ passkeyEnabled: true });
  });

  it('tells a person with MFA that only single sign-on is missing', async () => {
    await signInAs('gus');
    const p = refusal(() => requireOrgAccess(request(), 'globex'));
    expect(p.extra).toMatchObject({
      parameters: { missing: ['sso:acme'], mfaEnabled: true },
    });
  });

  it('lets a session that meets the requirements in, with the membership', async () => {
    await signInAs('mia');
    const ctx = requireOrgAccess(request(), 'acme');
    expect(ctx.org.slug).toBe('acme');
    expect(ctx.membership.role).toBe('member');
    expect(ctx.user.id).toBe('usr_mia');
  });
});

describe('requireManager', () => {
  it('refuses members (403 forbidden_role) and lets owners and admins through', async () => {
    await signInAs('mia');
    const p = refusal(() => requireManager(requireOrgAccess(request(), 'acme')));
    expect(p).toMatchObject({
      status: 403,
      code: 'forbidden_role',
      title: 'Not allowed',
      detail: 'Only organization owners and admins can do this.',
    });
    await signInAs('adam');
    expect(() => requireManager(requireOrgAccess(request(), 'acme'))).not.toThrow();
    await signInAs('olivia');
    expect(() => requireManager(requireOrgAccess(request(), 'acme'))).not.toThrow();
  });
});

describe('findMembership', () => {
  it('finds a generated Initech person before Initech was loaded, and loads it only for them', () => {
    expect(isInitechLoaded()).toBe(false);
    expect(findMembership(INITECH_ID, 'usr_mia')).toBeUndefined();
    expect(findMembership(INITECH_ID, 'usr_olivia')?.role).toBe('owner');
    expect(isInitechLoaded(), 'nobody generated was asked for').toBe(false);
    expect(findMembership(INITECH_ID, 'usr_ini_0001')?.userId).toBe('usr_ini_0001');
    expect(isInitechLoaded()).toBe(true);
  });

  it('finds seeded members, generated Initech people, and nobody else', () => {
    expect(findMembership(INITECH_ID, 'usr_olivia')?.role).toBe('owner');
    const generated = membersOf(INITECH_ID).find((m) => m.userId.startsWith('usr_ini_'));
    if (!generated) throw new Error('seed');
    expect(findMembership(INITECH_ID, generated.userId)).toBe(generated);
    expect(findMembership(INITECH_ID, 'usr_ini_nobody')).toBeUndefined();
    expect(findMembership(INITECH_ID, 'usr_mia')).toBeUndefined();
    expect(findMembership('org_none', 'usr_mia')).toBeUndefined();
  });
});
