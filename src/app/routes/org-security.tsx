import { Alert, Card, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { API_BASE_URL } from '@/api/client';
import { hasEarlyAnswer } from '@/api/early';
import { errorMessage, isApiError } from '@/api/problem';
import { memberSummaryQuery, orgListQuery } from '@/api/queries';
import { AccessDeniedBoundary } from '@/features/access/denied/access-denied-boundary';
import { AfterSetupNotice } from './after-setup-notice';
import { setUpMfaPath } from '@/features/access/denied/access-denied';
import { StepUpButton, StepUpDialog } from '@/features/access/denied/step-up-dialog';
import { useRecentStepUp } from '@/features/access/denied/recent-step-up';
import type { StepUpSlot } from '@/features/member-security/reset/step-up-slot';
import { orgSecurityQuery, securityEventsQuery } from '@/features/org-security/api';
import { MfaRequired } from '@/features/org-security/enforcement/mfa-required';
import { SecurityEvents } from '@/features/org-security/events/security-events';
import { activeJobsQuery, memberListQuery } from '@/features/member-security/api';
import { resetRequestsQuery } from '@/features/member-security/reset/reset-api';
import { scheduleQuery } from '@/features/org-security/schedule/api';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { parseView } from '@/features/member-security/table/view-params';
import { ErrorState } from '@/lib/error-state';
import { Suspense, useCallback, useMemo, useState } from 'react';
import type { PagePrefetch } from '../first-load/page-prefetch';
import { PageHeader } from './page-header';
import { useDocumentTitle } from './use-document-title';

/**
 * The user list (TanStack Table, filters, pager, bulk reminders: most of this page's code) is its
 * own chunk, requested as soon as this module runs: the top of the page renders without waiting
 * for it, and the list takes the skeleton's place when it arrives.
 */
const MemberSecurity = lazyWithPreload(() =>
  import('@/features/member-security/member-security').then((m) => m.MemberSecurity),
);
const sectionsLoaded = MemberSecurity.preload();
sectionsLoaded.catch(() => {}); // a failed download shows in the page's error boundary

/** Resolves when every section's code is in (tests render the page complete). */
export const preloadSections = () => sectionsLoaded;

const listSkeleton = (
  <Skeleton height={120} role="status" aria-label="Loading user security settings" />
);

/**
 * The page's requests, started with its code on a first load (see the router), all of them, so
 * that their answers land together (one render) rather than one section's after another's as
 * each mounts. The schedule only when the person's session meets the organization's
 * requirements, the lists, the summary and the events only for an owner or admin: for anyone
 * else they are refused, and the page does not ask for them (as the early requests,
 * first-load/early-requests.ts).
 */
export const prefetch: PagePrefetch = async (client, { params: { orgSlug }, search }) => {
  if (!orgSlug) return;
  const orgs = client.fetchQuery(orgListQuery()).catch(() => []);
  const granted = () => {
    void client.prefetchQuery(scheduleQuery(orgSlug));
  };
  const managers = () => {
    void client.prefetchQuery(memberListQuery(orgSlug, parseView(new URLSearchParams(search))));
    void client.prefetchQuery(memberSummaryQuery(orgSlug));
    void client.prefetchQuery(activeJobsQuery(orgSlug));
    void client.prefetchQuery(resetRequestsQuery(orgSlug));
    void client.prefetchQuery(securityEventsQuery(orgSlug, 1));
  };
  // index.html already asked for them (it knew they are this person's to see): adopt them now.
  const early = (path: string) => hasEarlyAnswer(`${API_BASE_URL}/orgs/${orgSlug}/${path}`);
  const earlyGranted = early('mfa-schedule');
  const earlyManagers = early('mfa-reset-requests');
  if (earlyGranted) granted();
  if (earlyManagers) managers();
  void orgs.then((list) => {
    const org = list.find((o) => o.slug === orgSlug);
    if (!org?.access.granted) return;
    if (!earlyGranted) granted();
    if (org.role !== 'member' && !earlyManagers) managers();
  });
  await Promise.all([client.prefetchQuery(orgSecurityQuery(orgSlug)), orgs]);
};

function OrgSecurityPage({ orgSlug, orgName }: { orgSlug: string; orgName?: string }) {
  const location = useLocation();
  const security = useQuery(orgSecurityQuery(orgSlug));
  // The events card comes in below the user list once the list is on screen (or for a member,
  // who has none): in the pre-rendered page it sat under the list's skeleton, and the list
  // arriving pushed it down the screen (layout shift).
  const [listShown, setListShown] = useState(false);
  const showList = useCallback(() => setListShown(true), []);
  if (security.isError && isApiError(security.error, 'not_found')) {
    return (
      <Alert color="yellow" title="Organization not found" m="md">
        {errorMessage(security.error)} Pick one of yours with the organization menu.
      </Alert>
    );
  }
  return (
    <Stack maw={1100} gap="lg">
      <PageHeader
        title="Settings"
        subtitle={orgName ?? orgSlug}
        tabs={[{ label: 'Security', to: `/orgs/${orgSlug}/settings/security` }]}
        active="Security"
      />
      <MfaRequired
        orgSlug={orgSlug}
        orgName={orgName}
        setUpMfaPath={setUpMfaPath(location.pathname)}
        stepUp={<StepUpButton onDone={() => {}} label="Confirm with MFA" variant="light" />}
      />
      <UserSecuritySettings orgSlug={orgSlug} orgName={orgName} onListShown={showList} />
      {(listShown || security.data?.viewer.role === 'member' || security.isError) && (
        <SecurityEvents orgSlug={orgSlug} />
      )}
    </Stack>
  );
}

/**
 * The step-up for the list's actions that need MFA proved in the last 10 minutes (Reset MFA…,
 * Approve): whether the session's is recent, the dialog to ask first, and "Confirm with MFA" for
 * one that expired while a form was open.
 */
function useStepUpSlot(): StepUpSlot {
  const isRecent = useRecentStepUp();
  return useMemo(
    () => ({
      isRecent,
      dialog: ({ onDone, onCancel, why }) => (
        <StepUpDialog onClose={onCancel} onDone={onDone} why={why} />
      ),
      button: (onDone) => <StepUpButton onDone={onDone} label="Confirm with MFA" variant="light" />,
    }),
    [isRecent],
  );
}

/** User security settings (issue 5): who has MFA and reminders, for owners and admins. */
function UserSecuritySettings({
  orgSlug,
  orgName,
  onListShown,
}: {
  orgSlug: string;
  orgName?: string;
  onListShown: () => void;
}) {
  const security = useQuery(orgSecurityQuery(orgSlug));
  // The role also comes with the organization list, so this section does not wait on (or fail
  // with) the settings above it.
  const orgs = useQuery(orgListQuery());
  const role = security.data?.viewer.role ?? orgs.data?.find((o) => o.slug === orgSlug)?.role;
  const stepUp = useStepUpSlot();
  return (
    <Card withBorder component="section" aria-labelledby="user-security-settings" padding="lg">
      <Stack gap="md">
        <Title order={2} size="h3" id="user-security-settings" tabIndex={-1}>
          User security settings
        </Title>
        {role ? (
          <Suspense fallback={listSkeleton}>
            <MemberSecurity.Component
              orgSlug={orgSlug}
              canManage={role !== 'member'}
              orgName={orgName}
              viewerRole={role}
              stepUp={stepUp}
              onListShown={onListShown}
            />
          </Suspense>
        ) : security.isError && orgs.isError ? (
          <ErrorState
            error={security.error}
            title="Could not load the users"
            onRetry={() => void Promise.all([security.refetch(), orgs.refetch()])}
          />
        ) : (
          listSkeleton
        )}
      </Stack>
    </Card>
  );
}

/**
 * Settings → Security of an organization. When the session does not meet the organization's
 * requirements, any of its requests answers access denied and the page gives way to the
 * explanation with its fixes; the shell (and the organization switcher) stays usable.
 */
export function OrgSecurityRoute() {
  const { orgSlug = '' } = useParams();
  const orgs = useQuery(orgListQuery());
  const orgName = orgs.data?.find((o) => o.slug === orgSlug)?.name;
  useDocumentTitle('Security', orgName ?? orgSlug);
  return (
    <>
      <AfterSetupNotice key={`after-setup-${orgSlug}`} orgSlug={orgSlug} />
      <AccessDeniedBoundary key={orgSlug} orgSlug={orgSlug} orgName={orgName}>
        <OrgSecurityPage orgSlug={orgSlug} orgName={orgName} />
      </AccessDeniedBoundary>
    </>
  );
}
