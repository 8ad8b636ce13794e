import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useSessionChanged } from '@/api/queries';
import { queryKeys } from '@/api/query-keys';
import { api, idempotencyKey, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { CodeProof } from '@/lib/code-entry';

export type MfaStatus = components['schemas']['MfaStatus'];
export type TotpEnrollment = components['schemas']['TotpEnrollment'];
export type EnrollmentVerified = components['schemas']['EnrollmentVerified'];
/** What confirms a sensitive change: a typed code (`CodeProof`) or a passkey. */
export type ConfirmProof = CodeProof | { passkey: components['schemas']['PasskeyAssertion'] };

export const mfaStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.me.mfaStatus(),
    queryFn: () => unwrap(api.GET('/me/mfa')),
    staleTime: 10_000,
  });

export const startEnrollment = () =>
  unwrap(
    api.POST('/me/mfa/totp/enrollments', {
      params: { header: { 'Idempotency-Key': idempotencyKey() } },
    }),
  );

export const cancelEnrollment = (enrollmentId: string) =>
  unwrap(
    api.DELETE('/me/mfa/totp/enrollments/{enrollmentId}', { params: { path: { enrollmentId } } }),
  );

export function useStartEnrollment() {
  const client = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: async ({ replacing }: { replacing?: string } = {}) => {
      // "Start over": the pending enrollment (whose secret this browser no longer has) goes first.
      if (replacing) await cancelEnrollment(replacing).catch(() => undefined);
      return startEnrollment();
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.me.mfa() }),
  });
}

export function useVerifyEnrollment() {
  const refresh = useSessionChanged();
  return useMutation({
    gcTime: 0,
    mutationFn: ({ enrollmentId, code }: { enrollmentId: string; code: string }) =>
      unwrap(
        api.POST('/me/mfa/totp/enrollments/{enrollmentId}/verify', {
          params: { path: { enrollmentId }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { code },
        }),
      ),
    onSuccess: () => refresh(),
  });
}

export function useRemoveMfa() {
  const refresh = useSessionChanged();
  return useMutation({
    gcTime: 0,
    mutationFn: (proof: ConfirmProof) =>
      unwrap(
        api.POST('/me/mfa/removal', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: proof,
        }),
      ),
    onSuccess: () => refresh(),
  });
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: (proof: ConfirmProof) =>
      unwrap(
        api.POST('/me/mfa/recovery-codes', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: proof,
        }),
      ),
    // A recovery code may have been spent: the count changes either way.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.me.all() }),
  });
}
