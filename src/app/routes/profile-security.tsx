import { Alert, Card, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '@/lib/return-to';
import { meQuery } from '@/features/auth/api';
import { TroubleshootAccessError } from '@/features/access/troubleshoot-access-error';
import { mfaStatusQuery } from '@/features/mfa-enrollment/api';
import { MfaSecurity } from '@/features/mfa-enrollment/mfa-security';
import { passkeysQuery } from '@/features/mfa-enrollment/passkey-api';
import { PasskeysSection } from '@/features/mfa-enrollment/passkeys-section';
import { ErrorState } from '@/lib/error-state';
import type { PagePrefetch } from '../page-prefetch';
import { PageHeader } from './page-header';

/** The page's requests, started with its code on a first load (see the router). */
export const prefetch: PagePrefetch = (client) =>
  Promise.all([
    client.prefetchQuery(meQuery()),
    client.prefetchQuery(mfaStatusQuery()),
    client.prefetchQuery(passkeysQuery()),
  ]);

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
      {returnTo && params.get('need') === 'passkey' && (
        <Alert color="blue" title="Add a passkey to continue">
          The page you were opening accepts only passkeys and security keys. Press Add a passkey
          below; when you finish, you go straight back there.
        </Alert>
      )}
      {returnTo && params.get('need') !== 'passkey' && (
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
      {me.isSuccess && (
        <PasskeysSection
          accountName={me.data.email}
          onAdded={returnTo ? () => void navigate(safeReturnTo(returnTo)) : undefined}
        />
      )}
      <Card withBorder padding="lg">
        <TroubleshootAccessError />
      </Card>
    </Stack>
  );
}
