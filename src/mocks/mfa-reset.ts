import { schemas } from '@/api/contract-values';
import { STEP_UP_MAX_AGE_MS, withinStepUpWindow } from '@/api/step-up';
import { clock, db, membersOf, nextId, type MfaResetRecord, type UserRecord } from './db';
import { badRequest, notFound, ProblemError } from './problems';
import { isManaged } from './managed';
import { findMembership, type OrgContext } from './org-access';
import { securityChange } from './security-activity';
import { mfaProvedAt } from './sessions';

export const REQUEST_TTL_MS = 24 * 3_600_000;
export const REASON_MAX = schemas.MfaResetCreate.properties.reason.maxLength;

const forbidden = (code: string, detail: string, title = 'Not allowed') =>
  new ProblemError(403, code, title, detail);

/** A reset needs MFA proved in this session within the last 10 minutes. */
export function requireFreshStepUp(ctx: OrgContext): void {
  const at = mfaProvedAt(ctx.session);
  if (at === null || !withinStepUpWindow(clock.now() - at))
    throw new ProblemError(
      403,
      'step_up_required',
      "Confirm it's you",
      'Confirm with MFA first: resetting MFA needs a code entered in the last 10 minutes.',
      { parameters: { maxAgeSeconds: STEP_UP_MAX_AGE_MS / 1000 } },
    );
}

/** Who may reset whom: the same rules for asking and for approving. */
export function requireResettable(ctx: OrgContext, targetId: string): UserRecord {
  const target = db.users.get(targetId);
  const membership = target ? findMembership(ctx.org.id, target.id) : undefined;
  if (!target || !membership)
    throw notFound(`There is no member "${targetId}" in ${ctx.org.name}.`);
  if (target.id === ctx.user.id)
    throw forbidden(
      'cannot_reset_self',
      'You cannot reset your own MFA. Use your recovery codes, or ask another owner.',
    );
  if (!isManaged(ctx.org, target))
    throw forbidden(
      'not_managed',
      `${ctx.org.name} does not manage this account: its e-mail domain is not one the organization verified, so other organizations may rely on its MFA.`,
    );
  if (membership.role === 'owner' && ctx.membership.role !== 'owner')
    throw forbidden('cannot_reset_owner', 'Admins cannot reset the MFA of an owner.');
  return target;
}

/** The reason (required, at most 500 characters) and the person's e-mail typed again. */
export function readResetBody(body: Record<string, unknown>, target: UserRecord): string {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!reason)
    throw new ProblemError(
      400,
      'missing_field',
      'Invalid request',
      'Give a reason for the reset.',
      {
        parameters: { parameter: 'reason' },
        errors: [{ field: 'reason', message: 'Give a reason for the reset.' }],
      },
    );
  if (reason.length > REASON_MAX)
    throw badRequest(
      `The reason can be at most ${REASON_MAX} characters; this one has ${reason.length}.`,
      'reason',
      'reason_too_long',
    );
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  if (email !== target.email.toLowerCase())
    throw new ProblemError(
      422,
      'email_mismatch',
      'E-mail does not match',
      `Type the person's e-mail exactly as shown to confirm whose MFA you reset.`,
      { parameters: { parameter: 'email' } },
    );
  return reason;
}

/** Owners and admins with MFA: with two or more, a reset waits for a second one. */
export function approversWithMfa(orgId: string): number {
  let n = 0;
  for (const m of membersOf(orgId)) if (m.role !== 'member' && db.users.get(m.userId)?.mfa) n++;
  return n;
}

export function pendingFor(orgId: string, targetId: string): MfaResetRecord | undefined {
  expireRequests(orgId);
  for (const r of db.mfaResets.values())
    if (r.orgId === orgId && r.targetId === targetId && r.status === 'pending') return r;
  return undefined;
}

/** Requests past their 24 hours become expired, with their event, once. */
export function expireRequests(orgId: string): void {
  const now = clock.now();
  for (const r of db.mfaResets.values()) {
    if (r.orgId !== orgId || r.status !== 'pending' || r.expiresAt > now) continue;
    r.status = 'expired';
    r.decidedAt = r.expiresAt;
    db.events.push({
      id: nextId('evt'),
      orgId,
      type: 'mfa_reset_expired',
      actorId: r.requesterId,
      at: r.expiresAt,
      details: { targetId: r.targetId, requestId: r.id },
    });
  }
}

export function orgEvent(
  orgId: string,
  type: 'mfa_reset_requested' | 'mfa_reset_approved' | 'mfa_reset_declined',
  actorId: string,
  r: MfaResetRecord,
): void {
  db.events.push({
    id: nextId('evt'),
    orgId,
    type,
    actorId,
    at: clock.now(),
    details: { targetId: r.targetId, requestId: r.id, reason: r.reason },
  });
}

/**
 * Delete every method and recovery code, end every session; the next sign-in leads to setup.
 * The person gets one notice (who, when, why); the organization one `mfa_reset` event.
 */
export function performReset(r: MfaResetRecord, actorId: string, singleApprover: boolean): void {
  const target = db.users.get(r.targetId);
  if (!target) return;
  target.mfa = null;
  target.mfaLock = { failures: 0, lockedUntil: 0 };
  target.mfaSetupRequired = true;
  for (const e of [...db.enrollments.values()])
    if (e.userId === target.id) db.enrollments.delete(e.id);
  for (const s of [...db.sessions.values()]) if (s.userId === target.id) db.sessions.delete(s.id);
  for (const c of [...db.challenges.values()])
    if (c.userId === target.id) db.challenges.delete(c.id);
  db.revision++;
  r.status = 'completed';
  r.decidedBy = actorId;
  r.decidedAt = clock.now();
  securityChange(target, {
    type: 'mfa_reset',
    actorId: r.requesterId,
    orgId: r.orgId,
    reason: r.reason,
  });
  db.events.push({
    id: nextId('evt'),
    orgId: r.orgId,
    type: 'mfa_reset',
    actorId,
    at: clock.now(),
    details: { targetId: target.id, requestId: r.id, reason: r.reason, singleApprover },
  });
}
