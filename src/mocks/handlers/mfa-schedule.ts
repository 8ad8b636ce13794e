import type { HttpHandler } from 'msw';
import { clock, db, nextId, type OrgRecord, type SecurityEventRecord } from '../db';
import { guard, ProblemError } from '../problems';
import { http } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { idempotent } from '../idempotency';
import {
  mfaRequiredAt,
  parsePlan,
  parseRequiredFrom,
  pendingSchedule,
  planWaves,
  scheduleEtag,
} from '../mfa-schedule';
import type { MfaScheduleRecord } from '../mfa-schedule-types';
import { ifMatchHolds, requireIfMatch } from '../if-match';
import { requireOrgAccess, type OrgContext } from '../org-access';
import { scheduler } from '../scheduler-runner';
import { scheduleView } from '../schedule-view';
import { requireEnforcementRights } from './enforcement';

/** Owners and admins with MFA and an MFA session (as for the switch), then a fresh If-Match (not `*`). */
function changeContext(request: Request, slug: string): OrgContext {
  const ctx = requireOrgAccess(request, slug);
  requireEnforcementRights(ctx);
  requireIfMatch(request);
  return ctx;
}

function checkIfMatch(request: Request, ctx: OrgContext): void {
  const current = scheduleEtag(ctx.org);
  if (ifMatchHolds(requireIfMatch(request), current)) return;
  throw new ProblemError(
    412,
    'precondition_failed',
    'Changed meanwhile',
    'Someone changed the schedule or the setting meanwhile. Review the current state and try again.',
    { parameters: { current: scheduleView(ctx) } },
    { ETag: current },
  );
}

function pendingOr409(org: OrgRecord, action: string): MfaScheduleRecord {
  const s = pendingSchedule(org);
  if (s) return s;
  const why =
    org.mfaSchedule?.status === 'cancelled'
      ? 'The schedule was already cancelled.'
      : mfaRequiredAt(org)
        ? `MFA is already required in ${org.name}.`
        : 'There is no schedule.';
  throw new ProblemError(
    409,
    'no_active_schedule',
    'Nothing scheduled',
    `${why} Nothing to ${action}.`,
  );
}

function record(
  org: OrgRecord,
  type: SecurityEventRecord['type'],
  actorId: string,
  details: SecurityEventRecord['details'] = {},
): void {
  db.events.push({ id: nextId('evt'), orgId: org.id, type, actorId, at: clock.now(), details });
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Every answer of these operations is the schedule as it is now, with its ETag. */
const etag = (ctx: OrgContext) => ({ headers: { ETag: scheduleEtag(ctx.org) } });

export const scheduleHandlers: HttpHandler[] = [
  http.get(
    '/orgs/{orgSlug}/mfa-schedule',
    guard(({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      return response(200).json(scheduleView(ctx), etag(ctx));
    }),
  ),

  http.put(
    '/orgs/{orgSlug}/mfa-schedule',
    guard(async ({ request, params, response }) => {
      const ctx = changeContext(request, params.orgSlug);
      const body = await readJson(request);
      rejectUnknownFields(body, ['requiredFrom', 'reminderPlan']);
      const now = clock.now();
      const requiredFrom = parseRequiredFrom(body.requiredFrom, now);
      const plan = parsePlan(body.reminderPlan);
      checkIfMatch(request, ctx);
      const { org, user } = ctx;
      if (mfaRequiredAt(org, now)) {
        throw new ProblemError(
          409,
          'already_required',
          'Already required',
          `MFA is already required in ${org.name}; there is nothing to schedule.`,
        );
      }
      if (pendingSchedule(org, now)) {
        throw new ProblemError(
          409,
          'already_scheduled',
          'Already scheduled',
          'MFA is already scheduled. Change its date or cancel it instead.',
        );
      }
      org.mfaSchedule = {
        id: nextId('rollout'),
        status: 'scheduled',
        requiredFrom,
        plan,
        waves: planWaves(plan, requiredFrom, now),
        createdAt: now,
        createdBy: user.id,
        updatedAt: now,
        updatedBy: user.id,
        version: (org.mfaSchedule?.version ?? 0) + 1,
        endedAt: null,
      };
      record(org, 'mfa_schedule_created', user.id, { requiredFrom: iso(requiredFrom) });
      // The "Now" wave goes at once, through the same claim as every other wave.
      await scheduler.current.tick();
      return response(201).json(scheduleView(ctx), etag(ctx));
    }),
  ),

  http.patch(
    '/orgs/{orgSlug}/mfa-schedule',
    guard(async ({ request, params, response }) => {
      const ctx = changeContext(request, params.orgSlug);
      const body = await readJson(request);
      rejectUnknownFields(body, ['requiredFrom']);
      const now = clock.now();
      const requiredFrom = parseRequiredFrom(body.requiredFrom, now);
      checkIfMatch(request, ctx);
      const s = pendingOr409(ctx.org, 'change');
      const previous = s.requiredFrom;
      if (previous !== requiredFrom) {
        s.requiredFrom = requiredFrom;
        // Waves already sent stay sent; the others are planned again for the new date.
        s.waves = planWaves(s.plan, requiredFrom, now, s.waves);
        s.updatedAt = now;
        s.updatedBy = ctx.user.id;
        s.version++;
        record(ctx.org, 'mfa_schedule_changed', ctx.user.id, {
          requiredFrom: iso(requiredFrom),
          previousRequiredFrom: iso(previous),
        });
      }
      return response(200).json(scheduleView(ctx), etag(ctx));
    }),
  ),

  http.delete(
    '/orgs/{orgSlug}/mfa-schedule',
    guard(({ request, params, response }) => {
      const ctx = changeContext(request, params.orgSlug);
      checkIfMatch(request, ctx);
      const s = pendingOr409(ctx.org, 'cancel');
      const now = clock.now();
      s.status = 'cancelled';
      s.endedAt = now;
      s.updatedAt = now;
      s.updatedBy = ctx.user.id;
      s.version++;
      for (const w of s.waves) if (w.status === 'planned') w.status = 'cancelled';
      record(ctx.org, 'mfa_schedule_cancelled', ctx.user.id, { requiredFrom: iso(s.requiredFrom) });
      return response(200).json(scheduleView(ctx), etag(ctx));
    }),
  ),

  http.post(
    '/orgs/{orgSlug}/mfa-schedule/require-now',
    guard(async ({ request, params, response }) => {
      const ctx = changeContext(request, params.orgSlug);
      return idempotent(request, ctx.user.id, { requireNow: true }, () => {
        checkIfMatch(request, ctx);
        const { org, user } = ctx;
        const s = pendingOr409(org, 'require early');
        const now = clock.now();
        s.status = 'in_effect';
        s.endedAt = now;
        s.updatedAt = now;
        s.updatedBy = user.id;
        s.version++;
        for (const w of s.waves) if (w.status === 'planned') w.status = 'cancelled';
        org.mfaRequired = true;
        org.updatedAt = now;
        org.updatedBy = user.id;
        org.version++;
        record(org, 'mfa_schedule_took_effect', user.id, {
          requiredFrom: iso(s.requiredFrom),
          early: true,
        });
        return response(200).json(scheduleView(ctx), etag(ctx));
      });
    }),
  ),
];
