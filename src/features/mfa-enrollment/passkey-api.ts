import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { ConfirmProof } from './api';

export type Passkey = components['schemas']['Passkey'];

export const passkeyKeys = { list: ['me', 'passkeys'] as const };

export const passkeysQuery = () =>
  queryOptions({
    queryKey: passkeyKeys.list,
    queryFn: async () => (await unwrap(api.GET('/me/passkeys'))).items,
    staleTime: 10_000,
  });

/** Everything depends on the person's methods or the session's `amr`: refresh it all. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

/** Registration needs the browser library: `useRegisterPasskey` lives with the add flow. */
export function useRefreshAfterPasskey() {
  return useRefreshAll();
}

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
    onSuccess: () => client.invalidateQueries({ queryKey: passkeyKeys.list }),
  });
}

export function useRemovePasskey() {
  const refresh = useRefreshAll();
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
