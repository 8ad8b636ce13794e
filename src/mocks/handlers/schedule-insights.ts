import type { HttpHandler } from 'msw';
import { canonicalTimeZone } from '@/lib/zoned-date';
import { badRequest, guard, notFound } from '../problems';
import { http } from '../http';
import { rowOf } from '../member-query';
import { requireManager, requireOrgAccess } from '../org-access';
import { adoptionOf, reminderHistory } from '../adoption';

/** `tz`: the viewer's IANA time zone, whose calendar days the series counts (UTC without it). */
function timeZoneOf(request: Request): string {
  const tz = new URL(request.url).searchParams.get('tz');
  if (tz === null) return 'UTC';
  const zone = canonicalTimeZone(tz);
  if (!zone)
    throw badRequest(
      '"tz" must be an IANA time zone, such as Europe/Berlin.',
      'tz',
      'invalid_parameter',
    );
  return zone;
}

/** The adoption curve and a person's reminder history: owners and admins only. */
export const scheduleInsightHandlers: HttpHandler[] = [
  http.get(
    '/orgs/{orgSlug}/mfa-schedule/adoption',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      return response(200).json(adoptionOf(ctx.org, timeZoneOf(request)));
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
