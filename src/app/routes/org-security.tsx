import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import { errorMessage, isAccessDenied, isApiError } from '@/api/problem';
import { ErrorState } from '../error-state';
import { PageHeader } from './page-header';

// Slot: the issue-4 enforcement and issue-5 member features compose here.
export function OrgSecurityRoute() {
  const { orgSlug = '' } = useParams();
  const security = useQuery({
    queryKey: ['orgs', orgSlug, 'security'],
    queryFn: () => unwrap(api.GET('/orgs/{orgSlug}/security', { params: { path: { orgSlug } } })),
  });
  if (security.isError && isApiError(security.error, 'not_found')) {
    return (
      <Alert color="yellow" title="Organization not found">
        {errorMessage(security.error)}
      </Alert>
    );
  }
  if (security.isError && isAccessDenied(security.error)) {
    return (
      <Alert color="red" title="Access denied">
        {errorMessage(security.error)}
      </Alert>
    );
  }
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Settings"
        subtitle={orgSlug}
        tabs={[{ label: 'Security', to: `/orgs/${orgSlug}/settings/security` }]}
        active="Security"
      />
      {security.isPending && <Loader aria-label="Loading security settings" />}
      {security.isError && (
        <ErrorState error={security.error} onRetry={() => void security.refetch()} />
      )}
      {security.isSuccess && (
        <Card withBorder>
          <Title order={2} size="h3">
            MFA required
          </Title>
          <Text>
            {security.data.mfaRequired ? 'Enforced: every member needs MFA.' : 'Not enforced.'}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
