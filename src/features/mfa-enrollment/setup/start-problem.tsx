import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { errorMessage, isApiError } from '@/api/problem';
import { formatTime } from '@/lib/format';

interface Props {
  error: unknown;
  busy: boolean;
  onStartOver: (pendingId: string) => void;
  onRetry: () => void;
  onClose: () => void;
}

const time = (iso: unknown) => (typeof iso === 'string' ? formatTime(iso) : null);

/** Why a setup could not start, and the way forward for each reason. */
export function StartProblem({ error, busy, onStartOver, onRetry, onClose }: Props) {
  if (isApiError(error, 'enrollment_pending')) {
    const pendingId = error.problem.parameters?.enrollmentId;
    const until = time(error.problem.parameters?.expiresAt);
    return (
      <Alert color="yellow" role="alert" title="A setup is already in progress">
        <Stack gap="xs">
          <Text size="sm">
            You started setting up an app earlier{until ? ` (open until ${until})` : ''} and did not
            finish. Its key cannot be shown again. Start over to get a new key; remove any
            half-added entry from your app.
          </Text>
          {typeof pendingId === 'string' && (
            <Group>
              <Button size="xs" onClick={() => onStartOver(pendingId)} loading={busy}>
                Start over
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (isApiError(error, 'mfa_already_enabled')) {
    return (
      <Alert color="blue" role="alert" title="MFA is already on">
        <Stack gap="xs">
          <Text size="sm">{errorMessage(error)}</Text>
          <Group>
            <Button size="xs" variant="light" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title="The setup could not start">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        <Group>
          <Button size="xs" variant="light" color="red" onClick={onRetry} loading={busy}>
            Try again
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
