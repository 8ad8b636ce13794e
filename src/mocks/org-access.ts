import { db, membersOf, orgBySlug, type MembershipRecord, type OrgRecord } from './db';
import { notFound, ProblemError } from './problems';
import { requireSession, type Authenticated } from './sessions';
import { missingAmr, requiredAmr, userRef } from './views';

export interface OrgContext extends Authenticated {
  org: OrgRecord;
  membership: MembershipRecord;
}

/** Find the member's own membership without scanning a generated organization. */
export function findMembership(orgId: string, userId: string): MembershipRecord | undefined {
  const seeded = db.memberships.get(orgId)?.find((m) => m.userId === userId);
  return (
    seeded ??
    (userId.startsWith('usr_ini_') ? membersOf(orgId).find((m) => m.userId === userId) : undefined)
  );
}

/**
 * Every org-scoped endpoint starts here: a session, an organization the person belongs to
 * (404 otherwise, without revealing whether it exists), and the organization's requirements
 * met by this session (403 access denied, with `parameters.amr`, otherwise).
 */
export function requireOrgAccess(request: Request, slug: string): OrgContext {
  const auth = requireSession(request);
  const org = orgBySlug(slug);
  const membership = org ? findMembership(org.id, auth.user.id) : undefined;
  if (!org || !membership) throw notFound(`There is no organization "${slug}" that you belong to.`);
  const missing = missingAmr(org, auth.session);
  if (missing.length > 0) {
    throw new ProblemError(
      403,
      'additional_authentication_required',
      'Access denied',
      'Additional authentication is required',
      {
        parameters: {
          amr: requiredAmr(org),
          missing,
          organization: org.slug,
          mfaEnabled: auth.user.mfa !== null,
          passkeyEnabled: (auth.user.passkeys?.length ?? 0) > 0,
        },
        service: `console:${org.slug}`,
        user: userRef(auth.user),
      },
    );
  }
  return { ...auth, org, membership };
}

export function requireManager(ctx: OrgContext): void {
  if (ctx.membership.role === 'member') {
    throw new ProblemError(
      403,
      'forbidden_role',
      'Not allowed',
      'Only organization owners and admins can do this.',
    );
  }
}
