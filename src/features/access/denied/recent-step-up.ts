import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/api/query-keys';
import type { components } from '@/api/schema';
import { isStepUpRecent } from '@/api/step-up';

type Session = components['schemas']['Session'];

/**
 * Whether this session proved MFA recently enough for an action that needs a step-up (the
 * server's rule, `STEP_UP_MAX_AGE_MS`), asked at the moment the person starts the action. It
 * reads the session the shell keeps in the cache: its `serverTime` and the time that answer
 * arrived here (`now` is injectable for tests) give the server's clock now, whatever this
 * device's clock says. No session in the cache: not recent (the step-up is asked for).
 */
export function useRecentStepUp(now: () => number = Date.now): () => boolean {
  const client = useQueryClient();
  return useCallback(() => {
    const state = client.getQueryState<Session>(queryKeys.session());
    return state?.data ? isStepUpRecent(state.data, state.dataUpdatedAt, now()) : false;
  }, [client, now]);
}
