import { use, useRef, useState, memo } from 'react';
import { queryKeys } from '@/api/query-keys';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { errorMessage, isApiError } from '@/api/problem';
import { formatDateTime } from '@/lib/format';
import { ErrorState } from '@/lib/error-state';
import { decideReset, resetRequestsQuery, type MfaResetRequest } from './reset-api';
import { StepUpContext } from './step-up-slot';
import { STEP_UP_MAX_AGE_MS } from '@/api/step-up';

const who = (p: { name: string | null; email: string }) => p.name ?? p.email;

function RequestItem({ orgSlug, request }: { orgSlug: string; request: MfaResetRequest }) {
  const stepUp = use(StepUpContext);
  const queryClient = useQueryClient();
  // One key per decision button: a double click is one decision.
  const [keys] = useState(() => ({ approve: idempotencyKey(), decline: idempotencyKey() }));
  const decide = useMutation({
    mutationFn: (d: 'approve' | 'decline') => decideReset(orgSlug, request.id, d, keys[d]),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) }),
  });
  const target = who(request.target);
  const needsStepUp = decide.isError && isApiError(decide.error, 'step_up_required');
  // Approving needs MFA proved in the last 10 minutes: asked before the request, not after a
  // refusal (the alert below is for a step-up that expired in between).
  const [askStepUp, setAskStepUp] = useState(false);
  const approveRef = useRef<HTMLButtonElement>(null);
  const approve = () => {
    if (stepUp && !stepUp.isRecent()) setAskStepUp(true);
    else decide.mutate('approve');
  };
  return (
    <li>
      <Stack gap={4} py="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {who(request.requestedBy)}
          </Text>{' '}
          asked to reset the MFA of{' '}
          <Text span fw={600}>
            {target}
          </Text>{' '}
          ({request.target.email}).
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          Reason: {request.reason}
        </Text>
        <Text size="xs" c="dimmed">
          Asked {formatDateTime(request.createdAt)} · expires {formatDateTime(request.expiresAt)}
        </Text>
        {needsStepUp && (
          <Alert color="blue" title="Confirm it's you first">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(decide.error)}</Text>
              {stepUp?.button(() => decide.mutate('approve'))}
            </Stack>
          </Alert>
        )}
        {decide.isError && !needsStepUp && (
          <Alert color="red" role="alert" title="Not done">
            {errorMessage(decide.error)}
          </Alert>
        )}
        <Group gap="xs">
          {request.canApprove ? (
            <Button
              size="xs"
              color="red.9"
              ref={approveRef}
              loading={decide.isPending && decide.variables === 'approve'}
              onClick={approve}
              aria-label={`Approve the MFA reset of ${target}`}
            >
              Approve
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              Waiting for another owner or admin to approve.
            </Text>
          )}
          <Button
            size="xs"
            variant="default"
            loading={decide.isPending && decide.variables === 'decline'}
            onClick={() => decide.mutate('decline')}
            aria-label={`Decline the MFA reset of ${target}`}
          >
            Decline
          </Button>
        </Group>
        {askStepUp &&
          stepUp?.dialog({
            onDone: () => {
              setAskStepUp(false);
              decide.mutate('approve');
            },
            onCancel: () => {
              setAskStepUp(false);
              approveRef.current?.focus();
            },
            why: `Approving an MFA reset needs MFA confirmed in the last ${STEP_UP_MAX_AGE_MS / 60_000} minutes.`,
          })}
      </Stack>
    </li>
  );
}

/** MFA reset requests waiting for a second owner or admin (shown only when there are some). */
export const ResetRequests = memo(function ResetRequests({ orgSlug }: { orgSlug: string }) {
  const requests = useQuery(resetRequestsQuery(orgSlug));
  if (requests.isPending || (requests.isSuccess && requests.data.length === 0)) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reset-requests-heading">
      <Stack gap="xs">
        <Title order={3} size="h4" id="reset-requests-heading">
          MFA reset requests
        </Title>
        {requests.isError ? (
          <ErrorState
            title="Could not load the MFA reset requests"
            error={requests.error}
            onRetry={() => void requests.refetch()}
          />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="MFA reset requests">
            {requests.data.map((r) => (
              <RequestItem key={r.id} orgSlug={orgSlug} request={r} />
            ))}
          </ul>
        )}
      </Stack>
    </Card>
  );
});
