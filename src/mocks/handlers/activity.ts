import type { components } from '@/api/schema';
import { operations } from '@/api/contract-values';
import { db, type ActivityRecord } from '../db';
import { badRequest, guard } from '../problems';
import { http, NO_STORE } from '../http';
import { requireSession } from '../sessions';
import { activityPage } from '../security-activity';
import { userRef } from '../views';

const iso = (ms: number) => new Date(ms).toISOString();

function activityView(e: ActivityRecord): components['schemas']['SecurityActivity'] {
  const actor = e.actorId ? db.users.get(e.actorId) : undefined;
  const org = e.orgId ? db.orgs.get(e.orgId) : undefined;
  return {
    id: e.id,
    type: e.type,
    at: iso(e.at),
    ...(e.method ? { method: e.method } : {}),
    ...(e.recoveryCodesRemaining !== undefined
      ? { recoveryCodesRemaining: e.recoveryCodesRemaining }
      : {}),
    ...(actor ? { actor: userRef(actor) } : {}),
    ...(org ? { organization: { slug: org.slug, name: org.name } } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.lockedUntil !== undefined ? { lockedUntil: iso(e.lockedUntil) } : {}),
  };
}

const LIMIT = operations.listMySecurityActivity.parameters.limit.schema;

function limitOf(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return LIMIT.default;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < LIMIT.minimum || n > LIMIT.maximum)
    throw badRequest(
      `"limit" must be a whole number from ${LIMIT.minimum} to ${LIMIT.maximum}.`,
      'limit',
    );
  return n;
}

export const activityHandlers = [
  http.get(
    '/me/security-activity',
    guard(({ request, response }) => {
      const { user } = requireSession(request);
      const url = new URL(request.url);
      const limit = limitOf(url);
      const cursor = url.searchParams.get('cursor');
      const page = activityPage(user.id, cursor, limit);
      if (!page)
        throw badRequest(
          'This page of activity is no longer available. Load the list again.',
          'cursor',
          'invalid_cursor',
        );
      return response(200).json(
        { items: page.items.map(activityView), nextCursor: page.nextCursor },
        { headers: NO_STORE },
      );
    }),
  ),
];
