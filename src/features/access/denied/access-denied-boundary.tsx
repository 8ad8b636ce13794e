import {
  Component,
  useCallback,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { notifyManager, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { isAccessDenied } from '@/api/problem';
import { isOrgKey } from '@/api/query-keys';
import { AccessDenied, type AccessDeniedError } from './access-denied';

/** An access-denied error about `orgSlug` (the problem names it; else the query key does). */
function deniedFor(
  error: unknown,
  orgSlug: string,
  key?: readonly unknown[],
): error is AccessDeniedError {
  if (!isAccessDenied(error)) return false;
  const org = error.problem.parameters.organization;
  return org !== undefined ? org === orgSlug : key !== undefined && isOrgKey(key, orgSlug);
}

const isDeniedQuery = (orgSlug: string) => (q: Query) =>
  q.state.status === 'error' && deniedFor(q.state.error, orgSlug, q.queryKey);

/** The newest access-denied error of a query or a mutation about this organization since `since`. */
function latestDenied(
  client: QueryClient,
  orgSlug: string,
  since: number,
): AccessDeniedError | null {
  let latest: { error: AccessDeniedError; at: number } | null = null;
  for (const q of client.getQueryCache().findAll({ predicate: isDeniedQuery(orgSlug) })) {
    const at = q.state.errorUpdatedAt;
    if (at >= since && (!latest || at > latest.at))
      latest = { error: q.state.error as AccessDeniedError, at };
  }
  for (const m of client.getMutationCache().getAll()) {
    const { error, status, submittedAt } = m.state;
    if (
      status === 'error' &&
      deniedFor(error, orgSlug) &&
      submittedAt >= since &&
      (!latest || submittedAt > latest.at)
    )
      latest = { error, at: submittedAt };
  }
  return latest?.error ?? null;
}

/** Forget the denials about `orgSlug`, so the page asks the server afresh. */
function clearDenied(client: QueryClient, orgSlug: string): Promise<void> {
  for (const m of client.getMutationCache().getAll()) {
    if (m.state.status === 'error' && deniedFor(m.state.error, orgSlug))
      client.getMutationCache().remove(m);
  }
  return client.resetQueries({ predicate: isDeniedQuery(orgSlug) });
}

/**
 * Watches every query and mutation: when any of them about `orgSlug` answers access denied (a
 * page load, a mutation, a background refetch), returns that error; `resolve` clears it so the
 * page loads again. Denials from before this mount are stale: they are cleared, not shown.
 */
export function useAccessDenied(orgSlug: string): {
  error: AccessDeniedError | null;
  resolve: () => Promise<void>;
} {
  const client = useQueryClient();
  const [since] = useState(() => Date.now());
  useLayoutEffect(() => {
    void clearDenied(client, orgSlug);
  }, [client, orgSlug]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      // Caches notify synchronously, even while another component renders; defer like useQuery.
      const notify = notifyManager.batchCalls(onChange);
      const a = client.getQueryCache().subscribe(notify);
      const b = client.getMutationCache().subscribe(notify);
      return () => {
        a();
        b();
      };
    },
    [client],
  );
  const read = () => latestDenied(client, orgSlug, since);
  const error = useSyncExternalStore(subscribe, read, read); // the build's pre-render reads it too
  const resolve = useCallback(() => clearDenied(client, orgSlug), [client, orgSlug]);
  return { error, resolve };
}

class DeniedCatcher extends Component<
  { children: ReactNode; render: (error: AccessDeniedError, reset: () => void) => ReactNode },
  { error: unknown }
> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Anything else is for the route's own error boundary.
    if (!isAccessDenied(error)) throw error;
    return this.props.render(error, () => this.setState({ error: null }));
  }
}

/**
 * Shows `<AccessDenied>` instead of `children` whenever something about `orgSlug` was denied,
 * whether it came through the query cache or was thrown while rendering. Give it
 * `key={orgSlug}` so switching organizations starts clean.
 */
export function AccessDeniedBoundary({
  orgSlug,
  orgName,
  children,
}: {
  orgSlug: string;
  orgName?: string;
  children: ReactNode;
}) {
  const { error, resolve } = useAccessDenied(orgSlug);
  if (error)
    return <AccessDenied error={error} orgName={orgName} onResolved={() => void resolve()} />;
  return (
    <DeniedCatcher
      render={(thrown, reset) => (
        <AccessDenied
          error={thrown}
          orgName={orgName}
          onResolved={() => void resolve().then(reset)}
        />
      )}
    >
      {children}
    </DeniedCatcher>
  );
}
