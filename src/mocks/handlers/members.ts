import { HttpResponse, type HttpHandler } from 'msw';
import type { components } from '@/api/schema';
import { guard } from '../problems';
import { http, NO_STORE } from '../http';
import { requireManager, requireOrgAccess } from '../org-access';
import { summaryOf, type Row } from '../member-index';
import { allMatching, queryMembers } from '../member-query';
import { parseFilter, parsePaging, parseSort } from '../member-params';
import { csvStream } from '../member-csv';
import { methodsOf } from '../views';
import type { OrgRecord } from '../db';
import { isManaged } from '../managed';

export function memberView(row: Row, org?: OrgRecord): components['schemas']['Member'] {
  return {
    id: row.u.id,
    name: row.u.name,
    email: row.u.email,
    role: row.m.role,
    mfaEnabled: row.u.mfa !== null,
    methods: methodsOf(row.u),
    lastRemindedAt:
      row.m.lastRemindedAt === null ? null : new Date(row.m.lastRemindedAt).toISOString(),
    managed: org ? isManaged(org, row.u) : false,
  };
}

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

  http.get(
    '/orgs/{orgSlug}/members',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      const search = new URL(request.url).searchParams;
      const filter = parseFilter(search);
      const sort = parseSort(search);
      const { page, perPage } = parsePaging(search);
      const result = queryMembers(ctx.org.id, filter, sort, page, perPage);
      return response(200).json(
        {
          items: result.rows.map((row) => memberView(row, ctx.org)),
          total: result.total,
          page,
          perPage,
        },
        { headers: NO_STORE },
      );
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/members.csv',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      const search = new URL(request.url).searchParams;
      // A snapshot of who matches now; the stream then formats it chunk by chunk. The typed
      // `response(200).text()` takes the whole CSV as one string, so a stream goes as `untyped`.
      const rows = allMatching(ctx.org.id, parseFilter(search), parseSort(search));
      return response.untyped(
        new HttpResponse(csvStream(rows), {
          status: 200,
          headers: {
            ...NO_STORE,
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${ctx.org.slug}-members.csv"`,
          },
        }),
      );
    }),
  ),
];
