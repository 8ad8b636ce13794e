import type { components } from '@/api/schema';
import { clock, db, type MfaResetRecord } from '../db';
import { guard, notFound, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { idempotent } from '../idempotency';
import {
  approversWithMfa,
  expireRequests,
  orgEvent,
  pendingFor,
  performReset,
  readResetBody,
  REQUEST_TTL_MS,
  requireFreshStepUp,
  requireResettable,
} from '../mfa-reset';
import { requireManager, requireOrgAccess, type OrgContext } from '../org-access';
import { secureId } from '../random';
import { userRef } from '../views';

const iso = (ms: number) => new Date(ms).toISOString();

function ref(id: string): components['schemas']['UserRef'] {
  const user = db.users.get(id);
  return user ? userRef(user) : { id, name: null, email: 'unknown' };
}

function requestView(r: MfaResetRecord): components['schemas']['MfaResetRequest'] {
  return {
    id: r.id,
    status: r.status,
    target: ref(r.targetId),
    requestedBy: ref(r.requesterId),
    reason: r.reason,
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    decidedBy: r.decidedBy ? ref(r.decidedBy) : null,
    decidedAt: r.decidedAt === null ? null : iso(r.decidedAt),
    singleApprover: r.status === 'completed' && r.decidedBy === r.requesterId,
  };
}

function mayApprove(ctx: OrgContext, r: MfaResetRecord): boolean {
  if (r.requesterId === ctx.user.id) return false;
  try {
    requireResettable(ctx, r.targetId);
    return true;
  } catch {
    return false;
  }
}

function managerWithStepUp(request: Request, slug: string): OrgContext {
  const ctx = requireOrgAccess(request, slug);
  requireManager(ctx);
  requireFreshStepUp(ctx);
  return ctx;
}

/** A request of this organization that is still open (expired, decided and foreign ones refused). */
function openRequest(ctx: OrgContext, id: string): MfaResetRecord {
  expireRequests(ctx.org.id);
  const r = db.mfaResets.get(id);
  // Another organization's request answers like an unknown one.
  if (!r || r.orgId !== ctx.org.id) throw notFound('There is no such reset request.');
  if (r.status === 'expired')
    throw new ProblemError(
      410,
      'request_expired',
      'Request expired',
      'This request expired after 24 hours. Ask again if the reset is still needed.',
    );
  if (r.status !== 'pending')
    throw new ProblemError(
      409,
      'request_decided',
      'Already decided',
      `This request was already ${r.status === 'completed' ? 'approved' : 'declined'}.`,
    );
  return r;
}

export const mfaResetHandlers = [
  http.post(
    '/orgs/{orgSlug}/members/{userId}/mfa-reset',
    guard(async ({ request, params, response }) => {
      const ctx = managerWithStepUp(request, params.orgSlug);
      const body = await readJson(request);
      return idempotent(request, ctx.user.id, body, () => {
        rejectUnknownFields(body, ['reason', 'email']);
        const target = requireResettable(ctx, params.userId);
        const reason = readResetBody(body, target);
        if (!target.mfa)
          throw new ProblemError(
            409,
            'mfa_not_enabled',
            'Nothing to reset',
            'This person has no MFA set up; they can set it up themselves.',
          );
        if (pendingFor(ctx.org.id, target.id))
          throw new ProblemError(
            409,
            'reset_pending',
            'Already requested',
            'A reset of this person is waiting for approval on the security page.',
          );
        const now = clock.now();
        const r: MfaResetRecord = {
          id: secureId('rst'),
          orgId: ctx.org.id,
          requesterId: ctx.user.id,
          targetId: target.id,
          reason,
          createdAt: now,
          expiresAt: now + REQUEST_TTL_MS,
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
        };
        db.mfaResets.set(r.id, r);
        if (approversWithMfa(ctx.org.id) >= 2)
          orgEvent(ctx.org.id, 'mfa_reset_requested', ctx.user.id, r);
        else performReset(r, ctx.user.id, true);
        return response(201).json(requestView(r), { headers: NO_STORE });
      });
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/mfa-reset-requests',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      expireRequests(ctx.org.id);
      const items = [...db.mfaResets.values()]
        .filter((r) => r.orgId === ctx.org.id && r.status === 'pending')
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((r) => ({ ...requestView(r), canApprove: mayApprove(ctx, r) }));
      return response(200).json({ items }, { headers: NO_STORE });
    }),
  ),

  http.post(
    '/orgs/{orgSlug}/mfa-reset-requests/{requestId}/approve',
    guard(async ({ request, params, response }) => {
      const ctx = managerWithStepUp(request, params.orgSlug);
      return idempotent(request, ctx.user.id, null, () => {
        const r = openRequest(ctx, params.requestId);
        if (r.requesterId === ctx.user.id)
          throw new ProblemError(
            403,
            'own_request',
            'Not allowed',
            'You asked for this reset: another owner or admin must approve it.',
          );
        requireResettable(ctx, r.targetId);
        // Checked and decided in one synchronous step: of two approvals at once, one wins.
        orgEvent(ctx.org.id, 'mfa_reset_approved', ctx.user.id, r);
        performReset(r, ctx.user.id, false);
        return response(200).json(requestView(r), { headers: NO_STORE });
      });
    }),
  ),

  http.post(
    '/orgs/{orgSlug}/mfa-reset-requests/{requestId}/decline',
    guard(async ({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      return idempotent(request, ctx.user.id, null, () => {
        const r = openRequest(ctx, params.requestId);
        r.status = 'declined';
        r.decidedBy = ctx.user.id;
        r.decidedAt = clock.now();
        orgEvent(ctx.org.id, 'mfa_reset_declined', ctx.user.id, r);
        return response(200).json(requestView(r), { headers: NO_STORE });
      });
    }),
  ),
];
