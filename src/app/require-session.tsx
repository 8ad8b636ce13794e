import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '@/api/problem';
import { sessionQuery } from '@/api/queries';
import { ErrorState } from '@/lib/error-state';
import { Shell } from './shell/shell';

/**
 * Every page but sign-in needs a session; without one, sign in and come back here. While the
 * session is being checked, the console's frame and the page render already (their data waits on
 * their own requests, which need the session anyway): one first render instead of a loader and
 * then the page, and the person's name fills in when the answer arrives.
 */
export function RequireSession() {
  const session = useQuery(sessionQuery());
  const location = useLocation();
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
