import type { components } from '@/api/schema';
import { clock, db, type OrgRecord, type Role } from './db';
import { indexOf, summaryOf, type Summary } from './member-index';
import { pendingSchedule } from './mfa-schedule';
import type { WaveRecord } from './mfa-schedule-types';
import type { OrgContext } from './org-access';
import { securityView } from './handlers/orgs';
import { userRef } from './views';

type Schemas = components['schemas'];
const iso = (ms: number) => new Date(ms).toISOString();

const byRoleCache = new WeakMap<Summary, Record<Role, number>>();

/** Members per role; computed once per state of the organization (cached with its summary). */
function totalsByRole(orgId: string, summary: Summary): Record<Role, number> {
  const cached = byRoleCache.get(summary);
  if (cached) return cached;
  const totals: Record<Role, number> = { owner: 0, admin: 0, member: 0 };
  for (const row of indexOf(orgId).rows) totals[row.m.role]++;
  byRoleCache.set(summary, totals);
  return totals;
}

export function progressOf(orgId: string): Schemas['MfaProgress'] {
  const summary = summaryOf(orgId);
  const totals = totalsByRole(orgId, summary);
  const role = (r: Role) => ({
    total: totals[r],
    mfaEnabled: totals[r] - summary.withoutMfaByRole[r],
  });
  return {
    total: summary.total,
    mfaEnabled: summary.mfaEnabled,
    byRole: { owner: role('owner'), admin: role('admin'), member: role('member') },
  };
}

export function waveView(w: WaveRecord): Schemas['MfaScheduleWave'] {
  return {
    key: w.key,
    at: iso(w.at),
    status: w.status,
    sent: w.sent,
    skipped: w.skipped,
    jobId: w.jobId,
  };
}

function statusOf(org: OrgRecord): Schemas['MfaSchedule']['status'] {
  const s = org.mfaSchedule;
  if (!s) return 'none';
  if (s.status === 'scheduled') return pendingSchedule(org) ? 'scheduled' : 'in_effect';
  return s.status;
}

export function scheduleView(ctx: OrgContext): Schemas['MfaSchedule'] {
  const { org, membership } = ctx;
  const s = org.mfaSchedule ?? null;
  const person = (id: string | undefined) => {
    const user = id ? db.users.get(id) : undefined;
    return user ? userRef(user) : null;
  };
  const waves = s ? s.waves.map(waveView) : [];
  return {
    status: statusOf(org),
    requiredFrom: s ? iso(s.requiredFrom) : null,
    reminderPlan: s ? [...s.plan] : [],
    waves,
    nextWave: pendingSchedule(org) ? (waves.find((w) => w.status === 'planned') ?? null) : null,
    createdAt: s ? iso(s.createdAt) : null,
    createdBy: person(s?.createdBy),
    updatedAt: s ? iso(s.updatedAt) : null,
    updatedBy: person(s?.updatedBy),
    serverTime: iso(clock.now()),
    progress: membership.role === 'member' ? null : progressOf(org.id),
    viewer: securityView(ctx).viewer,
  };
}
