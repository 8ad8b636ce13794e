import type { components } from '@/api/schema';
import { clock, db, nextId, type OrgRecord, type SecurityEventRecord } from '../db';
import { badRequest, guard, http, ProblemError, readJson, rejectUnknownFields } from '../http';
import { requireManager, requireOrgAccess, type OrgContext } from '../org-access';
import { userRef } from '../views';
import { etagOf, securityView } from './orgs';

type SecurityEvent = components['schemas']['SecurityEvent'];

const PER_PAGE_CHOICES = [10, 25, 50, 100];

/**
 * Changing enforcement needs an owner or admin who has MFA and whose session was made with it
 * (PRODUCT §5). The same rule applies in both directions: while MFA is required the session
 * already passed the organization's own `mfa` requirement, so turning it off never needs more.
 */
function requireEnforcementRights(ctx: OrgContext): void {
  requireManager(ctx);
  if (!ctx.user.mfa) {
    throw new ProblemError(
      403,
      'mfa_not_enabled',
      'Not allowed',
      'Set up multi-factor authentication for your own account before changing this setting.',
    );
  }
  if (!ctx.session.amr.includes('mfa')) {
    throw new ProblemError(
      403,
      'session_without_mfa',
      'Not allowed',
      'This session was signed in without MFA. Confirm it with a code from your authenticator first.',
    );
  }
}

/**
 * Strong comparison of `If-Match` (one tag or a list) with the current ETag. `*` ("any version")
 * is refused before this (428): it would skip the "changed meanwhile" check.
 */
function ifMatchHolds(header: string, org: OrgRecord): boolean {
  const current = etagOf(org.version);
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === current);
}

function readUpdate(body: Record<string, unknown>): boolean {
  rejectUnknownFields(body, ['mfaRequired']);
  const value = body.mfaRequired;
  if (value === undefined) {
    throw new ProblemError(400, 'missing_field', 'Invalid request', '"mfaRequired" is required.', {
      parameters: { parameter: 'mfaRequired' },
      errors: [{ field: 'mfaRequired', message: 'Required.' }],
    });
  }
  if (typeof value !== 'boolean') {
    throw new ProblemError(
      400,
      'invalid_type',
      'Invalid request',
      '"mfaRequired" must be true or false.',
      {
        parameters: { parameter: 'mfaRequired' },
        errors: [{ field: 'mfaRequired', message: 'Must be a boolean.' }],
      },
    );
  }
  return value;
}

/** `page` / `perPage` from the query string, or a 400 naming the offending parameter. */
function readPaging(url: URL): { page: number; perPage: number } {
  const pageText = url.searchParams.get('page');
  const perPageText = url.searchParams.get('perPage');
  const page = pageText === null ? 1 : Number(pageText);
  if (!/^\d+$/.test(pageText ?? '1') || !Number.isSafeInteger(page) || page < 1) {
    throw badRequest('"page" must be a whole number of 1 or more.', 'page', 'invalid_parameter');
  }
  const perPage = perPageText === null ? 25 : Number(perPageText);
  if (!/^\d+$/.test(perPageText ?? '25') || !PER_PAGE_CHOICES.includes(perPage)) {
    throw badRequest(
      `"perPage" must be one of ${PER_PAGE_CHOICES.join(', ')}.`,
      'perPage',
      'invalid_parameter',
    );
  }
  return { page, perPage };
}

function eventView(event: SecurityEventRecord): SecurityEvent {
  const actor = db.users.get(event.actorId);
  return {
    id: event.id,
    type: event.type,
    actor: actor ? userRef(actor) : { id: event.actorId, name: null, email: 'unknown' },
    createdAt: new Date(event.at).toISOString(),
    details: { ...event.details },
  };
}

export const enforcementHandlers = [
  http.patch(
    '/orgs/{orgSlug}/security',
    guard(async ({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireEnforcementRights(ctx);
      const ifMatch = request.headers.get('If-Match');
      const anyVersion = ifMatch?.split(',').some((tag) => tag.trim() === '*');
      if (!ifMatch?.trim() || anyVersion) {
        throw new ProblemError(
          428,
          'precondition_required',
          'Precondition required',
          'Send the ETag you last read in If-Match (not *), so a change made meanwhile is not overwritten.',
        );
      }
      const mfaRequired = readUpdate(await readJson(request));
      const { org, user } = ctx;
      if (!ifMatchHolds(ifMatch, org)) {
        throw new ProblemError(
          412,
          'precondition_failed',
          'Changed meanwhile',
          'Someone else changed this setting meanwhile. Review the current state and try again.',
          { parameters: { current: securityView(ctx) } },
          { ETag: etagOf(org.version) },
        );
      }
      // Asking for the state that already holds changes nothing: no new version, no event.
      if (org.mfaRequired !== mfaRequired) {
        const now = clock.now();
        org.mfaRequired = mfaRequired;
        org.updatedAt = now;
        org.updatedBy = user.id;
        org.version++;
        db.events.push({
          id: nextId('evt'),
          orgId: org.id,
          type: mfaRequired ? 'mfa_enforcement_enabled' : 'mfa_enforcement_disabled',
          actorId: user.id,
          at: now,
          details: {},
        });
      }
      return response(200).json(securityView(ctx), { headers: { ETag: etagOf(org.version) } });
    }),
  ),

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
