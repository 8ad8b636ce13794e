import { useState } from 'react';
import { Alert, Card, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '@/lib/return-to';
import { meQuery } from '@/features/auth/api';
import { TroubleshootAccessError } from '@/features/access/troubleshoot-access-error';
import type { AfterSetupState } from '../after-setup-notice';
import { mfaStatusQuery } from '@/features/mfa-enrollment/api';
import { MfaSecurity } from '@/features/mfa-enrollment/mfa-security';
import { ErrorState } from '@/lib/error-state';
import type { PagePrefetch } from '../router';
import { PageHeader } from './page-header';
import { useDocumentTitle } from '../use-document-title';

/** The page's requests, started with its code on a first load (see the router). */
export const prefetch: PagePrefetch = (client) =>
  Promise.all([client.prefetchQuery(meQuery()), client.prefetchQuery(mfaStatusQuery())]);

/** My profile → Security: MFA status, setup and management (issue 3). */
export function ProfileSecurityRoute() {
  const me = useQuery(meQuery());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Set when a blocked organization page sent the person here to set up MFA first.
  const returnTo = params.get('returnTo');
  useDocumentTitle('Security', 'My profile');
  // The troubleshooter's "Set up MFA" opens the setup flow of this page.
  const [setupRequest, setSetupRequest] = useState(0);
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
          onSetupDone={
            returnTo
              ? () => {
                  const state: AfterSetupState = { afterSetup: true };
                  void navigate(safeReturnTo(returnTo), { state });
                }
              : undefined
          }
          setupRequest={setupRequest}
        />
      )}
      <Card withBorder padding="lg">
        <TroubleshootAccessError onSetUpMfa={() => setSetupRequest((n) => n + 1)} />
      </Card>
    </Stack>
  );
}
