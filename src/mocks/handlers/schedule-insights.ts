import type { HttpHandler } from 'msw';
import { guard, notFound } from '../problems';
import { http } from '../http';
import { rowOf } from '../member-query';
import { requireManager, requireOrgAccess } from '../org-access';
import { adoptionOf, reminderHistory } from '../adoption';

/** The adoption curve and a person's reminder history: owners and admins only. */
export const scheduleInsightHandlers: HttpHandler[] = [
  http.get(
    '/orgs/{orgSlug}/mfa-schedule/adoption',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      return response(200).json(adoptionOf(ctx.org));
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/members/{userId}/reminders',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      const row = rowOf(ctx.org.id, params.userId);
      if (!row) throw notFound('There is no member with this id in the organization.');
      return response(200).json(reminderHistory(ctx.org.id, row.u.email));
    }),
  ),
];
