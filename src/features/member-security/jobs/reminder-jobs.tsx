import { useEffect, useRef } from 'react';
import { queryKeys } from '@/api/query-keys';
import { Alert, Button, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { errorMessage } from '@/api/problem';
import { cancelReminderJob, reminderJobQuery, type ReminderJob } from '../api';
import { jobDone, jobText } from '../reminders/outcome';
import { formatCount } from '@/lib/format';

/** One job's progress: polled while it runs, with Cancel; its outcome in words when done. */
export function ReminderJobProgress({
  orgSlug,
  jobId,
  canManage,
  onDismiss,
}: {
  orgSlug: string;
  jobId: string;
  canManage: boolean;
  onDismiss: () => void;
}) {
  const client = useQueryClient();
  const job = useQuery(reminderJobQuery(orgSlug, jobId));
  const cancelKey = useRef(idempotencyKey());
  const cancel = useMutation({
    mutationFn: () => cancelReminderJob(orgSlug, jobId, cancelKey.current),
    onSuccess: (data) => client.setQueryData(queryKeys.org.job(orgSlug, jobId), data),
  });
  const status = job.data?.status;
  useEffect(() => {
    // When the job stops, the rows it touched and the counts change: fetch them again.
    if (status && status !== 'running') {
      void client.invalidateQueries({ queryKey: queryKeys.org.members(orgSlug) });
      void client.invalidateQueries({ queryKey: queryKeys.org.activeJobs(orgSlug) });
      void client.invalidateQueries({ queryKey: queryKeys.org.events(orgSlug) });
    }
  }, [status, client, orgSlug]);

  if (job.isPending) return <Text size="sm">Loading the progress of the reminder job…</Text>;
  if (job.isError)
    return (
      <Alert color="red" title="Could not load the reminder job" role="alert">
        <Group gap="sm">
          <Text size="sm">{errorMessage(job.error)}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void job.refetch()}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  return <JobCard job={job.data} canManage={canManage} cancel={cancel} onDismiss={onDismiss} />;
}

function JobCard({
  job,
  canManage,
  cancel,
  onDismiss,
}: {
  job: ReminderJob;
  canManage: boolean;
  cancel: { mutate: () => void; isPending: boolean; error: unknown };
  onDismiss: () => void;
}) {
  const running = job.status === 'running';
  const done = jobDone(job);
  const skipped = done - job.sent;
  const pct = (n: number) => (job.total === 0 ? 0 : (n / job.total) * 100);
  const label = `Reminder job: ${formatCount(done)} of ${formatCount(job.total)} processed`;
  return (
    <Alert
      color={job.status === 'cancelled' ? 'gray' : running ? 'blue' : 'teal'}
      title={
        running
          ? 'Sending reminders'
          : job.status === 'cancelled'
            ? 'Reminders cancelled'
            : 'Reminders sent'
      }
      withCloseButton={false}
      tabIndex={-1}
      data-reminder-job
    >
      <Stack gap="xs">
        <Progress.Root size="lg" role="group" aria-label={label}>
          <Progress.Section
            value={pct(job.sent)}
            color="teal"
            aria-label={`${formatCount(job.sent)} sent`}
          />
          <Progress.Section
            value={pct(skipped)}
            color="gray"
            aria-label={`${formatCount(skipped)} skipped`}
          />
        </Progress.Root>
        <Text size="sm" role="status">
          {jobText(job)}
        </Text>
        <Group gap="xs">
          {running && canManage && (
            <Button
              size="xs"
              variant="default"
              loading={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              Cancel sending
            </Button>
          )}
          {!running && (
            <CloseButton aria-label="Dismiss the reminder job outcome" onClick={onDismiss} />
          )}
        </Group>
        {cancel.error !== null && cancel.error !== undefined && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(cancel.error)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
