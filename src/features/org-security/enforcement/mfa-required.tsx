import { useId, type ReactNode } from 'react';
import { Badge, Card, Group, Loader, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/lib/error-state';
import { isApiError } from '@/api/problem';
import { orgSecurityQuery } from '../api';
import { EnforcementDialog } from './enforcement-dialog';
import { PhishingResistantOption } from './phishing-resistant';
import { SavedNoticeAlert } from './saved-notice-alert';
import { SchedulePanel } from '../schedule/schedule-panel';
import { lastChanged } from '../format';
import { useMfaRequiredChange } from './use-mfa-required-change';
import { ViewerReason } from './viewer-reason';

/**
 * The "MFA required" area. The switch only ever shows what the server confirmed: a change goes
 * through a confirmation, then the PATCH (with the ETag read), and the answer becomes the state.
 */
export function MfaRequired({
  orgSlug,
  orgName = 'this organization',
  setUpMfaPath,
  stepUp,
}: {
  orgSlug: string;
  orgName?: string;
  /** My profile → Security, with a way back here. */
  setUpMfaPath: string;
  /** A control that adds MFA to this session (shown when the session was made without it). */
  stepUp?: ReactNode;
}) {
  const headingId = useId();
  const security = useQuery(orgSecurityQuery(orgSlug));
  const { intent, dialogError, notice, save, remindAgain, ask, ...change } = useMfaRequiredChange(
    orgSlug,
    orgName,
  );

  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id={headingId}>
            MFA required
          </Title>
          {security.isSuccess && (
            <Badge color={security.data.mfaRequired ? 'teal.9' : 'gray.7'}>
              {security.data.mfaRequired ? 'On' : 'Off'}
            </Badge>
          )}
        </Group>
        {/* The same words before the organization's name is known (the pre-rendered page) and
            after: the page's largest text does not change size when the app renders over it. */}
        <Text size="sm">
          When on, everyone in this organization must have MFA on their account, and sign in with
          it, to use its Console pages, Git, SSH and API.
        </Text>
        {security.isPending && (
          // The space of the switch, its last change and the schedule below it: nothing moves.
          <Stack gap={8} role="status" aria-label="Loading MFA setting">
            <Skeleton height={24} width={140} />
            <Skeleton height={69} />
          </Stack>
        )}
        {security.isError && !isApiError(security.error, 'additional_authentication_required') && (
          <ErrorState
            error={security.error}
            title="Could not load this setting"
            onRetry={() => void security.refetch()}
          />
        )}
        {security.isSuccess && (
          <>
            <Group gap="sm">
              <Switch
                label="Enable"
                size="md"
                checked={security.data.mfaRequired}
                disabled={!security.data.viewer.canChange || save.isPending}
                onChange={() => ask(!security.data.mfaRequired)}
              />
              {save.isPending && (
                <Group gap={6} role="status">
                  <Loader size="xs" />
                  <Text size="sm">Saving…</Text>
                </Group>
              )}
            </Group>
            {security.data.mfaRequired && (
              <PhishingResistantOption
                orgSlug={orgSlug}
                orgName={orgName}
                security={security.data}
              />
            )}
            <Text size="xs" c="dimmed">
              {lastChanged(security.data)}
            </Text>
            <ViewerReason security={security.data} setUpMfaPath={setUpMfaPath} stepUp={stepUp} />
            <SchedulePanel
              orgSlug={orgSlug}
              orgName={orgName}
              mfaRequired={security.data.mfaRequired}
            />
          </>
        )}
        {notice && (
          <SavedNoticeAlert
            notice={notice}
            remindAgain={remindAgain}
            onClose={change.dismissNotice}
          />
        )}
      </Stack>
      {intent !== null && (
        <EnforcementDialog
          orgSlug={orgSlug}
          orgName={orgName}
          enable={intent}
          saving={save.isPending}
          errorText={dialogError}
          onConfirm={({ remind }) => change.confirm(intent, remind)}
          onClose={change.closeDialog}
          onShowWho={change.showWho}
        />
      )}
    </Card>
  );
}
