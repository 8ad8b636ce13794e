import type { components } from '@/api/schema';
import { parameters } from '@/api/contract-values';
import { db, type SecurityEventRecord } from '../db';
import { badRequest, guard } from '../problems';
import { http } from '../http';
import { requireManager, requireOrgAccess } from '../org-access';
import { userRef } from '../views';

type SecurityEvent = components['schemas']['SecurityEvent'];

const PAGE = parameters.Page.schema;
const PER_PAGE = parameters.PerPage.schema;

/** `page` / `perPage` from the query string, or a 400 naming the offending parameter. */
function readPaging(url: URL): { page: number; perPage: number } {
  const pageText = url.searchParams.get('page');
  const perPageText = url.searchParams.get('perPage');
  const digits = (text: string | null) => text === null || /^\d+$/.test(text);
  const page = pageText === null ? PAGE.default : Number(pageText);
  if (!digits(pageText) || !Number.isSafeInteger(page) || page < PAGE.minimum) {
    throw badRequest(
      `"page" must be a whole number of ${PAGE.minimum} or more.`,
      'page',
      'invalid_parameter',
    );
  }
  const perPage = perPageText === null ? PER_PAGE.default : Number(perPageText);
  if (!digits(perPageText) || !PER_PAGE.enum.some((n) => n === perPage)) {
    throw badRequest(
      `"perPage" must be one of ${PER_PAGE.enum.join(', ')}.`,
      'perPage',
      'invalid_parameter',
    );
  }
  return { page, perPage };
}

function detailsView({ targetId, ...rest }: SecurityEventRecord['details']) {
  const target = targetId ? db.users.get(targetId) : undefined;
  return { ...rest, ...(target ? { target: userRef(target) } : {}) };
}

function eventView(event: SecurityEventRecord): SecurityEvent {
  const actor = db.users.get(event.actorId);
  return {
    id: event.id,
    type: event.type,
    actor: actor ? userRef(actor) : { id: event.actorId, name: null, email: 'unknown' },
    createdAt: new Date(event.at).toISOString(),
    details: detailsView(event.details),
  };
}

/** The organization's audit trail, newest first, a page at a time. */
export const securityEventHandlers = [
  http.get(
    '/orgs/{orgSlug}/security-events',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      // The audit trail is for the people who can act on it.
      requireManager(ctx);
      const { page, perPage } = readPaging(new URL(request.url));
      // Newest first; events of the same instant keep their recording order, newest first.
      const events = db.events
        .map((event, index) => ({ event, index }))
        .filter(({ event }) => event.orgId === ctx.org.id)
        .sort((a, b) => b.event.at - a.event.at || b.index - a.index);
      const items = events
        .slice((page - 1) * perPage, page * perPage)
        .map((e) => eventView(e.event));
      return response(200).json({ items, total: events.length, page, perPage });
    }),
  ),
];
