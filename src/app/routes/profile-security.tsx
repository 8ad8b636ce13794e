import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQuery } from '@/features/auth/api';
import { MfaSecurity } from '@/features/mfa-enrollment/mfa-security';
import { ErrorState } from '../error-state';
import { PageHeader } from './page-header';

/** My profile → Security: MFA status, setup and management (issue 3). */
export function ProfileSecurityRoute() {
  const me = useQuery(meQuery());
  return (
    <Stack maw={960}>
      <PageHeader
        title="My profile"
        tabs={[{ label: 'Security', to: '/profile/security' }]}
        active="Security"
      />
      {me.isPending && <Loader aria-label="Loading your security settings" />}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && <MfaSecurity accountName={me.data.email} />}
      {/* Slot: "Troubleshoot an access error" (src/features/access) composes below. */}
    </Stack>
  );
}
