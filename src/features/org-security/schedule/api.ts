import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { components } from '@/api/schema';
import type { WaveKey } from '@/lib/reminder-waves';
import { viewerTimeZone } from '@/lib/zoned-date';

export type MfaSchedule = components['schemas']['MfaSchedule'];
export type ScheduleWave = components['schemas']['MfaScheduleWave'];
export type MfaAdoption = components['schemas']['MfaAdoption'];

/** The schedule with the ETag it was read at: every change sends it back as If-Match. */
export type ScheduleState = MfaSchedule & { etag: string };

async function withEtag(
  call: Promise<{ data?: MfaSchedule; error?: unknown; response: Response }>,
): Promise<ScheduleState> {
  const data = await unwrap(call);
  const { response } = await call;
  return { ...data, etag: response.headers.get('ETag') ?? '' };
}

export const scheduleQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: queryKeys.org.schedule(orgSlug),
    queryFn: () =>
      withEtag(api.GET('/orgs/{orgSlug}/mfa-schedule', { params: { path: { orgSlug } } })),
  });

/** The series in days of the viewer's zone, so its markers sit on the days shown elsewhere. */
export const adoptionQuery = (orgSlug: string, timeZone = viewerTimeZone()) =>
  queryOptions({
    queryKey: queryKeys.org.adoption(orgSlug, timeZone),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/mfa-schedule/adoption', {
          params: { path: { orgSlug }, query: { tz: timeZone } },
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
