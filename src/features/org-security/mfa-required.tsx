import { useId, useRef, useState, type ReactNode } from 'react';
import { queryKeys } from '@/api/query-keys';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { idempotencyKey } from '@/api/client';
import { focusedElement, returnFocus } from '@/lib/focus-return';
import { ErrorState } from '@/lib/error-state';
import { errorMessage, isApiError } from '@/api/problem';
import {
  orgSecurityQuery,
  remindWithoutMfa,
  updateMfaRequired,
  type OrgSecurity,
  type OrgSecurityState,
} from './api';
import { EnforcementDialog } from './enforcement-dialog';
import { PhishingResistantOption } from './phishing-resistant';
import { SchedulePanel } from './schedule/schedule-panel';
import { lastChanged } from './format';
import { saveFailure, savedNotice, type Notice } from './notices';

function ViewerReason({
  security,
  setUpMfaPath,
  stepUp,
}: {
  security: OrgSecurity;
  setUpMfaPath: string;
  stepUp?: ReactNode;
}) {
  const { reason } = security.viewer;
  if (reason === null) return null;
  if (reason === 'forbidden_role')
    return <Text size="sm">Only owners and admins can change this.</Text>;
  const profileLink = (
    <Anchor component={Link} to={setUpMfaPath} size="sm" c="inherit" fw={600} underline="always">
      My profile → Security
    </Anchor>
  );
  return (
    <Alert color="blue" variant="light" title="You can't change this yet">
      <Stack gap="xs" align="flex-start">
        {reason === 'mfa_not_enabled' ? (
          <Text size="sm">
            Set up MFA for your own account first, in {profileLink}. Only then can you require it
            for everyone.
          </Text>
        ) : (
          <>
            <Text size="sm">
              You signed in without MFA this time. Confirm it&apos;s you with a code from your
              authenticator app (or manage MFA in {profileLink}).
            </Text>
            {stepUp}
          </>
        )}
      </Stack>
    </Alert>
  );
}

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
  const queryClient = useQueryClient();
  const security = useQuery(orgSecurityQuery(orgSlug));
  const [intent, setIntent] = useState<boolean | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reminderKey, setReminderKey] = useState('');
  // The control that opened the dialog (the switch): focus goes back to it however the dialog
  // closes, once it is enabled again after saving.
  const opener = useRef<HTMLElement | null>(null);
  const closeDialog = () => {
    setIntent(null);
    returnFocus(opener.current);
  };

  const remindAgain = useMutation({
    mutationFn: () => remindWithoutMfa(orgSlug, reminderKey),
    onSuccess: (result) => setNotice(savedNotice(true, orgName, { reminders: result })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) }),
  });

  const save = useMutation({
    mutationFn: async ({ enable, remind }: { enable: boolean; remind: boolean }) => {
      const etag =
        queryClient.getQueryData<OrgSecurityState>(queryKeys.org.security(orgSlug))?.etag ?? '';
      const state = await updateMfaRequired(orgSlug, enable, etag);
      queryClient.setQueryData(queryKeys.org.security(orgSlug), state);
      if (!remind) return { state, reminders: null };
      // Enforcement is on at this point; a failed send is reported and can be retried alone.
      const reminders = await remindWithoutMfa(orgSlug, reminderKey).catch((error: unknown) => ({
        error,
      }));
      return { state, reminders };
    },
    onSuccess: ({ state, reminders }) => {
      closeDialog();
      setNotice(savedNotice(state.mfaRequired, orgName, { reminders }));
    },
    onError: (error) => {
      const failure = saveFailure(error);
      if (failure.closeDialog) {
        closeDialog();
        setNotice(failure.notice);
      } else {
        setDialogError(failure.text);
      }
    },
    // Whatever happened, show the state the server now has (and what depends on it).
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.orgList() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me.all() });
    },
  });

  function ask(enable: boolean) {
    setDialogError(null);
    setNotice(null);
    setReminderKey(idempotencyKey());
    opener.current = focusedElement();
    setIntent(enable);
  }

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
        <Text size="sm">
          When on, everyone in {orgName} must have MFA on their account, and sign in with it, to use
          the organization&apos;s Console pages, Git, SSH and API.
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
          <Alert
            color={notice.color}
            title={notice.title}
            role="status"
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setNotice(null)}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{notice.text}</Text>
              {notice.retryReminders && (
                <Button
                  size="xs"
                  variant="light"
                  loading={remindAgain.isPending}
                  onClick={() => remindAgain.mutate()}
                >
                  Send reminders again
                </Button>
              )}
              {remindAgain.isError && (
                <Text size="sm" c="red" role="alert">
                  {errorMessage(remindAgain.error)}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
      {intent !== null && (
        <EnforcementDialog
          orgSlug={orgSlug}
          orgName={orgName}
          enable={intent}
          saving={save.isPending}
          errorText={dialogError}
          onConfirm={({ remind }) => {
            setDialogError(null);
            save.mutate({ enable: intent, remind });
          }}
          onClose={closeDialog}
          onShowWho={() => {
            setIntent(null);
            // The list below, now filtered to the people without MFA, replaces the dialog.
            returnFocus(() => document.getElementById('user-security-settings'));
          }}
        />
      )}
    </Card>
  );
}
