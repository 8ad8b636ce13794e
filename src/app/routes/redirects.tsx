import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { orgListQuery } from '@/api/queries';
import { ErrorState } from '@/lib/error-state';

export function HomeRedirect() {
  return <Navigate to="/profile/security" replace />;
}

/** Settings opens the organization's settings; Security is its (only) tab for now. */
export function OrgSettingsRedirect() {
  const { orgSlug } = useParams();
  const orgs = useQuery({ ...orgListQuery(), enabled: !orgSlug });
  if (orgSlug) return <Navigate to={`/orgs/${orgSlug}/settings/security`} replace />;
  if (orgs.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading organizations" />
      </Center>
    );
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const first = orgs.data[0];
  return first ? (
    <Navigate to={`/orgs/${first.slug}/settings/security`} replace />
  ) : (
    <Navigate to="/profile/security" replace />
  );
}
