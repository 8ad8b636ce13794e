import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { CURRENT_MS } from '@/api/queries';
import { queryKeys } from '@/api/query-keys';
import type { components, operations } from '@/api/schema';

export type Member = components['schemas']['Member'];
export type MemberPage = components['schemas']['MemberPage'];
export type MemberSummary = components['schemas']['MemberSummary'];
export type MemberFilter = components['schemas']['MemberFilter'];
export type ReminderRequest = components['schemas']['ReminderRequest'];
export type ReminderResult = components['schemas']['ReminderResult'];
export type ReminderJob = components['schemas']['ReminderJob'];
export type ReminderPreview = components['schemas']['ReminderPreview'];
type ListQuery = NonNullable<operations['listMembers']['parameters']['query']>;
export type MemberSort = NonNullable<ListQuery['sort']>;
export type PerPage = NonNullable<ListQuery['perPage']>;

export interface ListParams extends MemberFilter {
  sort: MemberSort;
  page: number;
  perPage: PerPage;
}

export const memberListQuery = (orgSlug: string, params: ListParams) =>
  queryOptions({
    queryKey: queryKeys.org.memberList(orgSlug, params),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/orgs/{orgSlug}/members', {
          params: { path: { orgSlug }, query: params },
          signal,
        }),
      ),
    // Paging and filtering keep the last page on screen until the next one arrives.
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });

/**
 * Running jobs and jobs that finished in the last minutes (the server decides, by its clock), so
 * progress resumes after navigation or a reload, and a job that finished meanwhile still shows
 * its outcome.
 */
export const activeJobsQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: queryKeys.org.activeJobs(orgSlug),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/reminder-jobs', {
          params: { path: { orgSlug }, query: { status: 'recent' } },
        }),
      ),
    select: (data) => data.items.slice(0, 3),
    staleTime: CURRENT_MS,
  });

export const JOB_POLL_MS = 500;
/** Until a job has processed its first people (a read in its first millisecond finds none). */
export const JOB_FIRST_POLL_MS = 100;

const processed = (job: ReminderJob) =>
  job.sent +
  job.skipped.alreadyEnabled +
  job.skipped.recentlyReminded +
  job.skipped.notInOrganization;

export const reminderJobQuery = (orgSlug: string, jobId: string) =>
  queryOptions({
    queryKey: queryKeys.org.job(orgSlug, jobId),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/reminder-jobs/{jobId}', {
          params: { path: { orgSlug, jobId } },
        }),
      ),
    refetchInterval: ({ state: { data } }) =>
      data?.status !== 'running' ? false : processed(data) > 0 ? JOB_POLL_MS : JOB_FIRST_POLL_MS,
    // The 202 answer seeds the cache with the job's state when it started (nothing processed):
    // shown at once, and read again at once, not one interval later, so the first people the job
    // processed show about as soon as a small send's outcome would. Then every interval.
    staleTime: 0,
  });

/**
 * Who a send would e-mail now and who it would skip, asked before sending (nothing is sent). Under
 * the members key, so a send (or a job's end) asks again.
 */
export const reminderPreviewQuery = (orgSlug: string, body: ReminderRequest | null) =>
  queryOptions({
    queryKey: queryKeys.org.reminderPreview(orgSlug, body),
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/orgs/{orgSlug}/reminders/preview', {
          params: { path: { orgSlug } },
          body: body ?? {},
          signal,
        }),
      ),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export type SendOutcome =
  { kind: 'result'; result: ReminderResult } | { kind: 'job'; job: ReminderJob };

export async function sendReminders(
  orgSlug: string,
  body: ReminderRequest,
  key: string,
): Promise<SendOutcome> {
  const call = api.POST('/orgs/{orgSlug}/reminders', {
    params: { path: { orgSlug }, header: { 'Idempotency-Key': key } },
    body,
  });
  const data = await unwrap(call);
  const { response } = await call;
  return response.status === 202
    ? { kind: 'job', job: data as ReminderJob }
    : { kind: 'result', result: data as ReminderResult };
}

export const cancelReminderJob = (orgSlug: string, jobId: string, key: string) =>
  unwrap(
    api.POST('/orgs/{orgSlug}/reminder-jobs/{jobId}/cancel', {
      params: { path: { orgSlug, jobId }, header: { 'Idempotency-Key': key } },
    }),
  );

/** The server's CSV of the current filter, as a Blob (the session travels with fetch). */
export async function fetchMembersCsv(
  orgSlug: string,
  params: Omit<ListParams, 'page' | 'perPage'>,
): Promise<Blob> {
  const data = await unwrap(
    api.GET('/orgs/{orgSlug}/members.csv', {
      params: { path: { orgSlug }, query: params },
      parseAs: 'blob',
    }),
  );
  return data as unknown as Blob;
}
