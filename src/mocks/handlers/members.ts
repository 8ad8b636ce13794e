import type { HttpHandler } from 'msw';
import { guard, http, NO_STORE } from '../http';
import { requireManager, requireOrgAccess } from '../org-access';
import { summaryOf } from '../member-query';

/**
 * Who has MFA is security-sensitive (it tells an attacker whom to phish), so the list, the
 * summary and the CSV are for owners and admins only, like reminders.
 */
export const memberHandlers: HttpHandler[] = [
  http.get(
    '/orgs/{orgSlug}/members/summary',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      return response(200).json(summaryOf(ctx.org.id), { headers: NO_STORE });
    }),
  ),
];
