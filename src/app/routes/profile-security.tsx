import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Card, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '@/lib/return-to';
import { meQuery } from '@/api/queries';
import type { AfterSetupState } from './after-setup-notice';
import { mfaStatusQuery } from '@/features/mfa-enrollment/api';
import { MfaSecurity } from '@/features/mfa-enrollment/mfa-security';
import { passkeysQuery } from '@/features/mfa-enrollment/passkeys/passkey-api';
import { PasskeysSection } from '@/features/mfa-enrollment/passkeys/passkeys-section';
import { RecentSecurityActivity } from '@/features/mfa-enrollment/activity/security-activity';
import { ErrorState } from '@/lib/error-state';
import type { PagePrefetch } from '../first-load/page-prefetch';
import { PageHeader } from './page-header';
import { useDocumentTitle } from './use-document-title';
import { whenIdle } from '@/lib/when-idle';

/**
 * The troubleshooter sits at the bottom of the page (below the first screen at 1280 and 412 px):
 * its code (and its text field's) loads when the browser is next idle after the person's data is
 * on screen, not with the page. Until then the pre-rendered section stays as it is (React leaves
 * a suspended boundary's HTML in place and hydrates it when its code is in).
 */
let dataShown = () => {};
const shown = new Promise<void>((done) => (dataShown = done));
const idle = () => new Promise<void>((done) => void whenIdle(done));
const troubleshooter = () =>
  import('@/features/access/troubleshoot/troubleshoot-access-error').then((m) => ({
    default: m.TroubleshootAccessError,
  }));
const TroubleshootAccessError = lazy(() => shown.then(idle).then(troubleshooter));

/** Renders the troubleshooter at once (the build's pre-render, tests). */
export function preloadTroubleshooter(): Promise<unknown> {
  dataShown();
  return troubleshooter();
}

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
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  // "Regenerate recovery codes" after a sign-in with one of the last codes: open the dialog once.
  // After an organization reset this person's MFA, the sign-in lands here: setup opens at once.
  const [initialDialog] = useState(() =>
    params.get('regenerate') === '1'
      ? ('regenerate' as const)
      : params.get('setup') === 'reset'
        ? ('setup' as const)
        : null,
  );
  useEffect(() => {
    if (params.has('regenerate') || params.has('setup'))
      setParams(
        (p) => {
          p.delete('regenerate');
          p.delete('setup');
          return p;
        },
        { replace: true },
      );
  }, [params, setParams]);
  // Set when a blocked organization page sent the person here to set up MFA first.
  const returnTo = params.get('returnTo');
  useDocumentTitle('Security', 'My profile');
  // The troubleshooter's "Set up MFA" opens the setup flow of this page.
  const [setupRequest, setSetupRequest] = useState(0);
  useEffect(() => {
    if (!me.isPending) dataShown();
  }, [me.isPending]);
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
      {initialDialog === 'setup' && (
        <Alert color="orange" title="Set up MFA again">
          An organization you belong to reset your multi-factor authentication: your earlier
          authenticator app and recovery codes no longer work. Set up an authenticator app now. The
          e-mail we sent you says who reset it and why.
        </Alert>
      )}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} />}
      {/* Both cards from the first render (and in the pre-rendered page), each keeping the
          space of what it loads, so nothing below them moves when the data arrives. */}
      {!me.isError && (
        <MfaSecurity
          accountName={me.data?.email}
          onSetupDone={
            returnTo
              ? () => {
                  const state: AfterSetupState = { afterSetup: true };
                  void navigate(safeReturnTo(returnTo), { state });
                }
              : undefined
          }
          setupRequest={setupRequest}
          initialDialog={initialDialog}
        />
      )}
      {!me.isError && (
        <PasskeysSection
          accountName={me.data?.email}
          onAdded={returnTo ? () => void navigate(safeReturnTo(returnTo)) : undefined}
        />
      )}
      <RecentSecurityActivity />
      <Card withBorder padding="lg">
        <Suspense fallback={null}>
          <TroubleshootAccessError onSetUpMfa={() => setSetupRequest((n) => n + 1)} />
        </Suspense>
      </Card>
    </Stack>
  );
}
