import { guard } from '../problems';
import { http } from '../http';
import { requireSession } from '../sessions';
import { requireOrgAccess } from '../org-access';
import { membershipsOf, orgSummary, userRef } from '../views';
import { db } from '../db';
import type { components } from '@/api/schema';
import { mfaRequiredAt } from '../mfa-schedule';

export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function securityView(
  ctx: ReturnType<typeof requireOrgAccess>,
): components['schemas']['OrganizationSecurity'] {
  const { org, membership, user, session } = ctx;
  const updatedBy = org.updatedBy ? db.users.get(org.updatedBy) : undefined;
  const reason =
    membership.role === 'member'
      ? 'forbidden_role'
      : !user.mfa
        ? 'mfa_not_enabled'
        : !session.amr.includes('mfa')
          ? 'session_without_mfa'
          : null;
  return {
    mfaRequired: mfaRequiredAt(org),
    mfaMethods: org.mfaMethods ?? 'any',
    ssoProvider: org.ssoProvider,
    updatedAt: org.updatedAt ? new Date(org.updatedAt).toISOString() : null,
    updatedBy: updatedBy ? userRef(updatedBy) : null,
    viewer: { role: membership.role, canChange: reason === null, reason },
  };
}

export const orgHandlers = [
  http.get(
    '/orgs',
    guard(({ request, response }) => {
      const { session, user } = requireSession(request);
      return response(200).json({
        items: membershipsOf(user.id).map(({ org, role }) => orgSummary(org, role, session)),
      });
    }),
  ),

  http.get(
    '/orgs/{orgSlug}',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      return response(200).json(orgSummary(ctx.org, ctx.membership.role, ctx.session));
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/security',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      return response(200).json(securityView(ctx), { headers: { ETag: etagOf(ctx.org.version) } });
    }),
  ),
];
