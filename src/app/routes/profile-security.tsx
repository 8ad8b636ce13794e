import { Alert, Card, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '@/lib/return-to';
import { meQuery } from '@/features/auth/api';
import { TroubleshootAccessError } from '@/features/access/troubleshoot-access-error';
import { MfaSecurity } from '@/features/mfa-enrollment/mfa-security';
import { ErrorState } from '@/lib/error-state';
import { PageHeader } from './page-header';

/** My profile → Security: MFA status, setup and management (issue 3). */
export function ProfileSecurityRoute() {
  const me = useQuery(meQuery());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Set when a blocked organization page sent the person here to set up MFA first.
  const returnTo = params.get('returnTo');
  return (
    <Stack maw={960}>
      <PageHeader
        title="My profile"
        tabs={[{ label: 'Security', to: '/profile/security' }]}
        active="Security"
      />
      {returnTo && (
        <Alert color="blue" title="Set up MFA to continue">
          The page you were opening requires multi-factor authentication. Press Set up application
          below; when you finish, you go straight back there.
        </Alert>
      )}
      {me.isPending && <Loader aria-label="Loading your security settings" />}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && (
        <MfaSecurity
          accountName={me.data.email}
          onSetupDone={returnTo ? () => void navigate(safeReturnTo(returnTo)) : undefined}
        />
      )}
      <Card withBorder padding="lg">
        <TroubleshootAccessError />
      </Card>
    </Stack>
  );
}
