import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { components } from '@/api/schema';

export type OrgSecurity = components['schemas']['OrganizationSecurity'];
export type SecurityEvent = components['schemas']['SecurityEvent'];
export type MemberSummary = components['schemas']['MemberSummary'];
export type ReminderResult = components['schemas']['ReminderResult'];
export type ReminderJob = components['schemas']['ReminderJob'];

/** The settings with the ETag they were read at: every change sends it back as If-Match. */
export type OrgSecurityState = OrgSecurity & { etag: string | null };

export const EVENTS_PER_PAGE = 10;
/** Long enough for a slow network; a save that takes longer is reported, then re-checked. */
/** How long a save may take before the page says so and re-checks (tests shorten it). */
export const saveTimeout = { ms: 15_000 };

export const orgSecurityQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: queryKeys.org.security(orgSlug),
    queryFn: async (): Promise<OrgSecurityState> => {
      const call = api.GET('/orgs/{orgSlug}/security', { params: { path: { orgSlug } } });
      const data = await unwrap(call);
      const { response } = await call;
      return { ...data, etag: response.headers.get('ETag') };
    },
  });

export const securityEventsQuery = (orgSlug: string, page: number) =>
  queryOptions({
    queryKey: queryKeys.org.eventsPage(orgSlug, page),
    queryFn: () =>
      unwrap(
        api.GET('/orgs/{orgSlug}/security-events', {
          params: { path: { orgSlug }, query: { page, perPage: EVENTS_PER_PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export async function updateMfaRequired(
  orgSlug: string,
  mfaRequired: boolean,
  etag: string,
): Promise<OrgSecurityState> {
  const call = api.PATCH('/orgs/{orgSlug}/security', {
    params: { path: { orgSlug }, header: { 'If-Match': etag } },
    body: { mfaRequired },
    signal: AbortSignal.timeout(saveTimeout.ms),
  });
  const data = await unwrap(call);
  const { response } = await call;
  return { ...data, etag: response.headers.get('ETag') };
}

/** Remind everyone without MFA; the key makes a retried send safe (no duplicate e-mails). */
export function remindWithoutMfa(orgSlug: string, key: string) {
  return unwrap(
    api.POST('/orgs/{orgSlug}/reminders', {
      params: { path: { orgSlug }, header: { 'Idempotency-Key': key } },
      body: { filter: { mfa: 'disabled' } },
    }),
  );
}

/** Which methods meet "MFA required": any, or only passkeys and security keys (`hwk`). */
export async function updateMfaMethods(
  orgSlug: string,
  mfaMethods: OrgSecurity['mfaMethods'],
  etag: string,
): Promise<OrgSecurityState> {
  const call = api.PATCH('/orgs/{orgSlug}/security', {
    params: { path: { orgSlug }, header: { 'If-Match': etag } },
    body: { mfaRequired: true, mfaMethods },
    signal: AbortSignal.timeout(saveTimeout.ms),
  });
  const data = await unwrap(call);
  const { response } = await call;
  return { ...data, etag: response.headers.get('ETag') };
}
