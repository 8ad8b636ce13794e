import { lazy, Suspense } from 'react';
import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/lib/error-state';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { scheduleQuery } from './api';
import { ConfirmAction } from './confirm-action';
import { countdown, zonedDateTime } from '@/lib/zoned-date';
import { ScheduleProgress } from './schedule-progress';
import { useScheduleChange } from './use-schedule-change';

/** The chart (recharts) is its own chunk: only owners and admins with a schedule load it. */
const AdoptionChart = lazy(() =>
  import('./adoption-chart').then((m) => ({ default: m.AdoptionChart })),
);

/** The dialog (with @mantine/dates and its styles) is its own chunk, fetched on hover or focus. */
const ScheduleDialog = lazyWithPreload(() =>
  import('./schedule-dialog').then((m) => m.ScheduleDialog),
);
const preloadDialog = { onMouseEnter: ScheduleDialog.preload, onFocus: ScheduleDialog.preload };

/**
 * MFA on a schedule, inside the MFA required area: Require from a date…, and while scheduled the
 * date with its countdown, progress, the next wave, Change date, Cancel schedule and Require now.
 * What is shown is what the server answered; every change sends the ETag read.
 */
export function SchedulePanel({
  orgSlug,
  orgName,
  mfaRequired,
}: {
  orgSlug: string;
  orgName: string;
  mfaRequired: boolean;
}) {
  const schedule = useQuery(scheduleQuery(orgSlug));
  const { open, errorText, notice, saving, show, close, ...change } = useScheduleChange(
    orgSlug,
    orgName,
  );

  if (schedule.isPending)
    return <Skeleton height={36} role="status" aria-label="Loading the schedule" />;
  if (schedule.isError)
    return (
      <ErrorState
        error={schedule.error}
        title="Could not load the schedule"
        onRetry={() => void schedule.refetch()}
      />
    );
  const s = schedule.data;
  const { canChange, role } = s.viewer;
  const manager = role !== 'member';

  return (
    <Stack gap="sm">
      {s.status === 'scheduled' && s.requiredFrom && (
        <Alert
          color="blue"
          variant="light"
          title={`MFA required from ${zonedDateTime(s.requiredFrom)} (${countdown(s.requiredFrom, s.serverTime)})`}
        >
          <Stack gap="sm">
            <ScheduleProgress schedule={s} />
            {canChange ? (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => show('change')}
                  {...preloadDialog}
                >
                  Change date
                </Button>
                <Button size="xs" variant="default" onClick={() => show('cancel')}>
                  Cancel schedule
                </Button>
                <Button size="xs" onClick={() => show('now')}>
                  Require now
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {manager
                  ? 'Only owners and admins with MFA, signed in with it, can change the schedule.'
                  : 'Only owners and admins can change the schedule.'}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {s.status === 'in_effect' && s.requiredFrom && (
        <Text size="sm">
          Required on a schedule from {zonedDateTime(s.requiredFrom)}
          {s.createdBy ? `, scheduled by ${s.createdBy.name ?? s.createdBy.email}` : ''}.
        </Text>
      )}
      {s.status !== 'scheduled' && !mfaRequired && manager && (
        <Group>
          <Button
            variant="default"
            disabled={!canChange}
            onClick={() => show('create')}
            {...preloadDialog}
          >
            Require from a date…
          </Button>
        </Group>
      )}
      {notice && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={change.dismissNotice}
        >
          {notice}
        </Alert>
      )}
      {manager && s.status !== 'none' && (
        <Suspense
          fallback={<Skeleton height={160} role="status" aria-label="Loading the adoption chart" />}
        >
          <AdoptionChart orgSlug={orgSlug} />
        </Suspense>
      )}
      {(open === 'create' || open === 'change') && (
        <Suspense fallback={null}>
          <ScheduleDialog.Component
            orgSlug={orgSlug}
            orgName={orgName}
            schedule={s}
            mode={open}
            saving={saving}
            errorText={errorText}
            onConfirm={(choice) => change.choose(open, choice)}
            onClose={close}
          />
        </Suspense>
      )}
      {open === 'cancel' && (
        <ConfirmAction
          title="Cancel the schedule?"
          confirmLabel="Cancel schedule"
          danger
          pending={saving}
          errorText={errorText}
          onConfirm={() => change.confirm('cancel')}
          onClose={close}
        >
          <Text size="sm">
            No more reminders go out, and MFA does not become required on the date.
          </Text>
        </ConfirmAction>
      )}
      {open === 'now' && (
        <ConfirmAction
          title={`Require MFA in ${orgName} now?`}
          confirmLabel="Require now"
          pending={saving}
          errorText={errorText}
          onConfirm={() => change.confirm('now')}
          onClose={close}
        >
          <Text size="sm">
            Everyone without MFA loses access to {orgName}&apos;s Console, Git, SSH and API at once,
            until they set it up. Nobody is removed.
          </Text>
        </ConfirmAction>
      )}
    </Stack>
  );
}
