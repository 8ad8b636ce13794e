import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type MfaSchedule = components['schemas']['MfaSchedule'];
export type ScheduleWave = components['schemas']['MfaScheduleWave'];
export type WaveKey = components['schemas']['ReminderWaveKey'];
export type MfaAdoption = components['schemas']['MfaAdoption'];
export type ReminderHistory = components['schemas']['MemberReminderHistory'];

/** The schedule with the ETag it was read at: every change sends it back as If-Match. */
export type ScheduleState = MfaSchedule & { etag: string };

export const WAVES: { key: WaveKey; label: string }[] = [
  { key: 'now', label: 'Now' },
  { key: '7d', label: '7 days before' },
  { key: '3d', label: '3 days before' },
  { key: '1d', label: '1 day before' },
];

export const scheduleKeys = {
  schedule: (orgSlug: string) => ['orgs', orgSlug, 'mfa-schedule'] as const,
  adoption: (orgSlug: string) => ['orgs', orgSlug, 'mfa-schedule', 'adoption'] as const,
  history: (orgSlug: string, userId: string) =>
    ['orgs', orgSlug, 'members', userId, 'reminders'] as const,
};

async function withEtag(
  call: Promise<{ data?: MfaSchedule; error?: unknown; response: Response }>,
): Promise<ScheduleState> {
  const data = await unwrap(call);
  const { response } = await call;
  return { ...data, etag: response.headers.get('ETag') ?? '' };
}

export const scheduleQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: scheduleKeys.schedule(orgSlug),
    queryFn: () =>
      withEtag(api.GET('/orgs/{orgSlug}/mfa-schedule', { params: { path: { orgSlug } } })),
  });

export const adoptionQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: scheduleKeys.adoption(orgSlug),
    queryFn: () =>
      unwrap(api.GET('/orgs/{orgSlug}/mfa-schedule/adoption', { params: { path: { orgSlug } } })),
  });

export const reminderHistoryQuery = (orgSlug: string, userId: string) =>
  queryOptions({
    queryKey: scheduleKeys.history(orgSlug, userId),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/members/{userId}/reminders', {
          params: { path: { orgSlug, userId } },
        }),
      ),
  });

const ifMatch = (orgSlug: string, etag: string) => ({
  path: { orgSlug },
  header: { 'If-Match': etag },
});

export const createSchedule = (
  orgSlug: string,
  etag: string,
  body: { requiredFrom: string; reminderPlan: WaveKey[] },
) => withEtag(api.PUT('/orgs/{orgSlug}/mfa-schedule', { params: ifMatch(orgSlug, etag), body }));

export const changeScheduleDate = (orgSlug: string, etag: string, requiredFrom: string) =>
  withEtag(
    api.PATCH('/orgs/{orgSlug}/mfa-schedule', {
      params: ifMatch(orgSlug, etag),
      body: { requiredFrom },
    }),
  );

export const cancelSchedule = (orgSlug: string, etag: string) =>
  withEtag(api.DELETE('/orgs/{orgSlug}/mfa-schedule', { params: ifMatch(orgSlug, etag) }));

export const requireNow = (orgSlug: string, etag: string, key: string) =>
  withEtag(
    api.POST('/orgs/{orgSlug}/mfa-schedule/require-now', {
      params: { path: { orgSlug }, header: { 'If-Match': etag, 'Idempotency-Key': key } },
    }),
  );
