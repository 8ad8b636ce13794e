import { expect } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { DAY_MS } from './wave-plan';

/** Test helpers for the rollout schedule (API calls as the app makes them). */
export async function readSchedule(slug = 'acme') {
  const res = await call('GET', `/orgs/${slug}/mfa-schedule`);
  expect(res.status).toBe(200);
  return { etag: res.headers.get('ETag') ?? '', body: res.json };
}

export async function putSchedule(body: unknown, ifMatch?: string, slug = 'acme') {
  return call('PUT', `/orgs/${slug}/mfa-schedule`, body, ifMatch ? { 'If-Match': ifMatch } : {});
}

/** Olivia (MFA session) schedules Acme Corp; returns the deadline in ms. */
export async function oliviaSchedules(
  requiredFrom = '2026-12-12T00:00:00+01:00',
  reminderPlan?: string[],
) {
  // Initech's seeded rollout would send its own waves as these tests move the clock.
  const initech = db.orgs.get('org_initech');
  if (initech) initech.mfaSchedule = null;
  await signInAs('olivia');
  const { etag } = await readSchedule();
  const res = await putSchedule(
    reminderPlan ? { requiredFrom, reminderPlan } : { requiredFrom },
    etag,
  );
  expect(res.status).toBe(201);
  return { deadline: Date.parse(requiredFrom), res };
}

export const acmeEvents = () => db.events.filter((e) => e.orgId === 'org_acme');
export const acme = () => {
  const org = db.orgs.get('org_acme');
  if (!org) throw new Error('no acme');
  return org;
};
export const waveJobs = () => [...db.jobs.values()].filter((j) => j.wave);
export const reminderMails = () => db.outbox.filter((m) => m.kind === 'mfa_reminder');

/** How many reminder e-mails each address received. */
export function mailsPerAddress(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of reminderMails()) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
}

export const days = (n: number) => n * DAY_MS;
export const setClock = (ms: number) => clock.set(ms);
