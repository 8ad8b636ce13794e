import type { components } from '@/api/schema';
import { clock, db, type OrgRecord, type SessionRecord, type UserRecord } from './db';
import { mfaRequiredAt, pendingSchedule } from './mfa-schedule';
import { mfaProvedAt } from './sessions';

type Schemas = components['schemas'];
const iso = (ms: number) => new Date(ms).toISOString();

export function userRef(user: UserRecord): Schemas['UserRef'] {
  return { id: user.id, name: user.name, email: user.email };
}

/** The session as the contract shows it, with the server's clock to judge `mfaAt` against. */
export function sessionView(session: SessionRecord, user: UserRecord): Schemas['Session'] {
  const mfaAt = mfaProvedAt(session);
  return {
    user: userRef(user),
    amr: [...session.amr],
    createdAt: iso(session.createdAt),
    expiresAt: iso(session.expiresAt),
    mfaAt: mfaAt === null ? null : iso(mfaAt),
    serverTime: iso(clock.now()),
  };
}

/** The methods an organization requires, as `amr` values. */
export function requiredAmr(org: OrgRecord): string[] {
  return [
    ...(mfaRequiredAt(org) ? [org.mfaMethods === 'phishing_resistant' ? 'hwk' : 'mfa'] : []),
    ...(org.ssoProvider ? [`sso:${org.ssoProvider}`] : []),
  ];
}

export function missingAmr(org: OrgRecord, session: SessionRecord): string[] {
  return requiredAmr(org).filter((m) => !session.amr.includes(m));
}

/** Organizations the user belongs to, with their role (Initech's 100,000 are not scanned). */
export function membershipsOf(userId: string): { org: OrgRecord; role: Schemas['Role'] }[] {
  const out: { org: OrgRecord; role: Schemas['Role'] }[] = [];
  for (const org of db.orgs.values()) {
    // Only seeded people sign in, and they are all in the stored lists (Initech's generated
    // members need not be created to answer this).
    const m = db.memberships.get(org.id)?.find((x) => x.userId === userId);
    if (m) out.push({ org, role: m.role });
  }
  return out;
}

/** Organizations that require MFA and that the person owns: removing their MFA is refused. */
export function ownedRequiringMfa(userId: string): Schemas['OrgRef'][] {
  return membershipsOf(userId)
    .filter(({ org, role }) => role === 'owner' && mfaRequiredAt(org))
    .map(({ org }) => ({ slug: org.slug, name: org.name }));
}

/** Organizations that accept only passkeys and that the person owns: their last passkey stays. */
export function ownedRequiringPasskey(userId: string): Schemas['OrgRef'][] {
  return membershipsOf(userId)
    .filter(
      ({ org, role }) =>
        role === 'owner' && org.mfaRequired && org.mfaMethods === 'phishing_resistant',
    )
    .map(({ org }) => ({ slug: org.slug, name: org.name }));
}

/** The person's sign-in methods, as the member list shows them. */
export function methodsOf(user: UserRecord): Schemas['MfaMethodKind'][] {
  return [
    ...(user.mfa?.secret ? (['app'] as const) : []),
    ...(user.passkeys?.length ? (['passkey'] as const) : []),
  ];
}

export function orgSummary(
  org: OrgRecord,
  role: Schemas['Role'],
  session: SessionRecord,
): Schemas['OrganizationSummary'] {
  const missing = missingAmr(org, session);
  const pending = pendingSchedule(org);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    role,
    mfaRequired: mfaRequiredAt(org),
    ssoProvider: org.ssoProvider,
    mfaSchedule: pending
      ? { requiredFrom: iso(pending.requiredFrom), serverTime: iso(clock.now()) }
      : null,
    access: { granted: missing.length === 0, missing },
  };
}

export function pendingEnrollmentOf(userId: string) {
  const now = clock.now();
  for (const e of db.enrollments.values()) {
    if (e.userId === userId && e.expiresAt > now && e.failures < 5) return e;
  }
  return null;
}

export function mfaStatus(user: UserRecord): Schemas['MfaStatus'] {
  const orgs = membershipsOf(user.id);
  const requiring = orgs.filter(({ org }) => mfaRequiredAt(org));
  const pending = pendingEnrollmentOf(user.id);
  return {
    enabled: user.mfa !== null,
    enabledAt: user.mfa ? iso(user.mfa.enabledAt) : null,
    method: user.mfa?.secret ? 'totp' : null,
    appEnabledAt: user.mfa?.secret ? iso(user.mfa.appEnabledAt ?? user.mfa.enabledAt) : null,
    passkeyCount: user.passkeys?.length ?? 0,
    recoveryCodesRemaining: user.mfa
      ? user.mfa.recoveryCodeHashes.filter((h) => h !== null).length
      : 0,
    requiredBy: requiring.map(({ org }) => ({ slug: org.slug, name: org.name })),
    ownerOfRequiring: ownedRequiringMfa(user.id),
    pendingEnrollment: pending ? { id: pending.id, expiresAt: iso(pending.expiresAt) } : null,
  };
}
