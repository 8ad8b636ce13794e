import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { components } from '@/api/schema';
import { schemas } from '@/api/contract-values';

export type MfaResetRequest = components['schemas']['MfaResetRequest'];
export const REASON_MAX = schemas.MfaResetCreate.properties.reason.maxLength;

/** Under the organization's key: a reset refreshes the list, the events and the requests together. */
export const resetRequestsQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: queryKeys.org.resetRequests(orgSlug),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/orgs/{orgSlug}/mfa-reset-requests', { params: { path: { orgSlug } } }),
        )
      ).items,
    staleTime: 10_000,
  });

export const resetMfa = (
  orgSlug: string,
  userId: string,
  body: { reason: string; email: string },
  key: string,
) =>
  unwrap(
    api.POST('/orgs/{orgSlug}/members/{userId}/mfa-reset', {
      params: { path: { orgSlug, userId }, header: { 'Idempotency-Key': key } },
      body,
    }),
  );

export const decideReset = (
  orgSlug: string,
  requestId: string,
  decision: 'approve' | 'decline',
  key: string,
) =>
  unwrap(
    decision === 'approve'
      ? api.POST('/orgs/{orgSlug}/mfa-reset-requests/{requestId}/approve', {
          params: { path: { orgSlug, requestId }, header: { 'Idempotency-Key': key } },
        })
      : api.POST('/orgs/{orgSlug}/mfa-reset-requests/{requestId}/decline', {
          params: { path: { orgSlug, requestId }, header: { 'Idempotency-Key': key } },
        }),
  );
