import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useSessionChanged } from '@/api/queries';
import { queryKeys } from '@/api/query-keys';
import { api, idempotencyKey, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { ConfirmProof } from '../api';

export type Passkey = components['schemas']['Passkey'];

export const passkeysQuery = () =>
  queryOptions({
    queryKey: queryKeys.me.passkeys(),
    queryFn: async () => (await unwrap(api.GET('/me/passkeys'))).items,
    staleTime: 10_000,
  });

/** Registration needs the browser library: `useRegisterPasskey` lives with the add flow. */
export const useRefreshAfterPasskey = useSessionChanged;

export function useRenamePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      unwrap(
        api.PATCH('/me/passkeys/{passkeyId}', {
          params: { path: { passkeyId: id } },
          body: { name },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.me.passkeys() }),
  });
}

export function useRemovePasskey() {
  const refresh = useSessionChanged();
  return useMutation({
    gcTime: 0,
    mutationFn: ({ id, proof }: { id: string; proof: ConfirmProof }) =>
      unwrap(
        api.POST('/me/passkeys/{passkeyId}/removal', {
          params: { path: { passkeyId: id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: proof,
        }),
      ),
    onSuccess: () => refresh(),
  });
}
