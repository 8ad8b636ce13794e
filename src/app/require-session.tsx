import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '@/api/problem';
import { sessionQuery } from '@/features/auth/api';
import { ErrorState } from '@/lib/error-state';
import { Shell } from './shell';

/** Every page but sign-in needs a session; without one, sign in and come back here. */
export function RequireSession() {
  const session = useQuery(sessionQuery());
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) {
      const returnTo = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/sign-in?returnTo=${returnTo}`} replace />;
    }
    return (
      <ErrorState
        error={session.error}
        onRetry={() => void session.refetch()}
        title="Could not load your session"
      />
    );
  }
  return <Shell session={session.data} />;
}
