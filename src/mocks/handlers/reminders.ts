import type { HttpHandler } from 'msw';
import type { components } from '@/api/schema';
import { operations } from '@/api/contract-values';
import { clock, db, type ReminderJobRecord } from '../db';
import { badRequest, guard, notFound, ProblemError, tooManyRequests } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson } from '../body';
import { deployment } from '../deployment';
import { idempotent } from '../idempotency';
import { countMatching, matchingIds } from '../member-query';
import { noteRemindersChanged } from '../member-order';
import { requireManager, requireOrgAccess, type OrgContext } from '../org-access';
import { resolve } from '../reminder-target';
import { reminderPreviewHandlers } from './reminder-preview';
import { parseReminderRequest, type ReminderTarget } from '../reminder-request';
import {
  advanceJob,
  createJob,
  emptySkipped,
  finishJob,
  JOB_THRESHOLD,
  jobView,
  recordSendEvent,
  remindOne,
} from '../reminder-jobs';

type ReminderResult = components['schemas']['ReminderResult'];

const RATE_WINDOW_MS = 60_000;
/** `status=recent`: jobs that finished this long ago still show their outcome. */
const RECENT_JOB_MS = 10 * 60_000;
export const RATE_LIMIT = 20;
const JOBS_STATUS = operations.listReminderJobs.parameters.status.schema;
const JOB_STATUSES = JOBS_STATUS.enum;

/**
 * Where the e-mail's link points: the Console's configured public address, never the request's
 * Host header (a client could write any address into a real e-mail with it).
 */
const originOf = (_request: Request) => deployment.publicUrl;

function managerContext(request: Request, slug: string): OrgContext {
  const ctx = requireOrgAccess(request, slug);
  requireManager(ctx);
  return ctx;
}

/** At most RATE_LIMIT sends per actor per minute; a send that passes is counted. */
function takeRateLimit(actorId: string): void {
  const now = clock.now();
  const recent = (db.reminderSends.get(actorId) ?? []).filter((t) => now - t < RATE_WINDOW_MS);
  const oldest = recent[0];
  if (recent.length >= RATE_LIMIT && oldest !== undefined) {
    db.reminderSends.set(actorId, recent);
    throw tooManyRequests(
      'rate_limited',
      `You can send reminders ${RATE_LIMIT} times a minute. Try again shortly.`,
      oldest + RATE_WINDOW_MS,
    );
  }
  db.reminderSends.set(actorId, [...recent, now]);
}

/** What a send did: sent at once (200), or started a job for a large one (202). */
type Sent = { result: ReminderResult } | { job: ReminderJobRecord };

function startJob(request: Request, ctx: OrgContext, recipients: string[]): Sent {
  return { job: createJob(ctx.org, ctx.user, recipients, originOf(request)) };
}

function send(request: Request, ctx: OrgContext, target: ReminderTarget): Sent {
  takeRateLimit(ctx.user.id);
  // A whole filter is counted first (the list has usually cached that count): a large one becomes
  // a job holding the matching ids, copied from the index without resolving a row per person.
  if ('filter' in target && countMatching(ctx.org.id, target.filter) > JOB_THRESHOLD)
    return startJob(request, ctx, matchingIds(ctx.org.id, target.filter));
  const { rows, outside } = resolve(ctx, target);
  if (rows.length > JOB_THRESHOLD)
    return startJob(request, ctx, [...outside, ...rows.map((r) => r.u.id)]);
  const now = clock.now();
  const origin = originOf(request);
  const skipped = { ...emptySkipped(), notInOrganization: outside.length };
  let sent = 0;
  for (const row of rows) {
    const outcome = remindOne(row, ctx.org, ctx.user, origin, now);
    if (outcome === 'sent') sent++;
    else skipped[outcome]++;
  }
  if (sent > 0) {
    noteRemindersChanged();
    recordSendEvent(ctx.org, ctx.user.id, now, sent);
  }
  return {
    result: { sent, skipped, remindedAt: new Date(now).toISOString(), notInOrganization: outside },
  };
}

function jobOf(ctx: OrgContext, jobId: string, request: Request): ReminderJobRecord {
  const job = db.jobs.get(jobId);
  if (!job || job.orgId !== ctx.org.id) throw notFound('There is no reminder job with this id.');
  advanceJob(job, originOf(request));
  return job;
}

export const reminderHandlers: HttpHandler[] = [
  ...reminderPreviewHandlers,
  http.post(
    '/orgs/{orgSlug}/reminders',
    guard(async ({ request, params, response }) => {
      const ctx = managerContext(request, params.orgSlug);
      if (!request.headers.get('Idempotency-Key')) {
        throw new ProblemError(
          428,
          'idempotency_key_required',
          'Idempotency-Key required',
          'Sending reminders needs an Idempotency-Key header, so that a retry never sends twice.',
          { parameters: { parameter: 'Idempotency-Key' } },
        );
      }
      const body = await readJson(request);
      return idempotent(request, ctx.user.id, body, () => {
        const sent = send(request, ctx, parseReminderRequest(body));
        if ('result' in sent) return response(200).json(sent.result);
        return response(202).json(jobView(sent.job), {
          headers: { Location: `/api/orgs/${ctx.org.slug}/reminder-jobs/${sent.job.id}` },
        });
      });
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/reminder-jobs',
    guard(({ request, params, response }) => {
      const ctx = managerContext(request, params.orgSlug);
      const raw = new URL(request.url).searchParams.get('status') ?? JOBS_STATUS.default;
      const status = JOB_STATUSES.find((s) => s === raw);
      if (status === undefined)
        throw badRequest(
          `"status" must be ${JOB_STATUSES.slice(0, -1).join(', ')} or ${JOB_STATUSES.at(-1)}.`,
          'status',
          'invalid_parameter',
        );
      const origin = originOf(request);
      const jobs = [...db.jobs.values()]
        .filter((job) => job.orgId === ctx.org.id)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, 20);
      for (const job of jobs) advanceJob(job, origin);
      const recentFrom = clock.now() - RECENT_JOB_MS;
      const items = jobs.filter(
        (job) =>
          status === 'all' ||
          job.status === 'running' ||
          (status === 'recent' && job.finishedAt !== null && job.finishedAt >= recentFrom),
      );
      return response(200).json({ items: items.map(jobView) }, { headers: NO_STORE });
    }),
  ),

  http.get(
    '/orgs/{orgSlug}/reminder-jobs/{jobId}',
    guard(({ request, params, response }) => {
      const ctx = managerContext(request, params.orgSlug);
      return response(200).json(jobView(jobOf(ctx, params.jobId, request)), {
        headers: NO_STORE,
      });
    }),
  ),

  http.post(
    '/orgs/{orgSlug}/reminder-jobs/{jobId}/cancel',
    guard(async ({ request, params, response }) => {
      const ctx = managerContext(request, params.orgSlug);
      return idempotent(request, ctx.user.id, { cancel: params.jobId }, () => {
        const job = jobOf(ctx, params.jobId, request);
        // What was sent stays sent; cancelling a finished job just answers its state.
        if (job.status === 'running') finishJob(job, ctx.org, 'cancelled', clock.now());
        return response(200).json(jobView(job));
      });
    }),
  ),
];
