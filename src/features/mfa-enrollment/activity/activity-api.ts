import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { components } from '@/api/schema';

export type SecurityActivity = components['schemas']['SecurityActivity'];
export const ACTIVITY_PAGE_SIZE = 10;

/** Under the person's key: a sign-in, step-up or any change to the person's methods refreshes it. */
export const activityQuery = () =>
  infiniteQueryOptions({
    queryKey: queryKeys.me.activity(),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/me/security-activity', {
          params: {
            query: { limit: ACTIVITY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 10_000,
  });
