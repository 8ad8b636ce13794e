import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { BRAND } from '@/lib/brand';
import type { MfaStatus } from './api';
import { formatDate, formatTime } from '@/lib/format';

const LOW_CODES = 4;
const date = (iso: string | null) => (iso ? formatDate(iso) : '');
const names = (orgs: { name: string }[]) => orgs.map((o) => o.name).join(', ');

export function MfaNotEnabledDetails({
  status,
  onSetUp,
}: {
  status: MfaStatus;
  onSetUp: () => void;
}) {
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="gray" variant="light">
          Not enabled
        </Badge>
      </Group>
      <Text size="sm">
        With multi-factor authentication, signing in to {BRAND.name} also asks for a 6-digit code
        from an app on your phone. A stolen or guessed password alone is then not enough to get into
        your account, your projects or their SSH and Git access.
      </Text>
      {status.requiredBy.length > 0 && (
        <Alert color="orange" title="Your organizations require MFA">
          <Text size="sm">
            Until you set it up you cannot open these organizations in the Console, or use Git, SSH
            or the API there:
          </Text>
          <List size="sm" mt={4}>
            {status.requiredBy.map((org) => (
              <List.Item key={org.slug}>{org.name}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {status.pendingEnrollment && (
        <Text size="sm" c="dimmed">
          A setup you started is open until {formatTime(status.pendingEnrollment.expiresAt)}. You
          can start over.
        </Text>
      )}
      <Group>
        <Button onClick={onSetUp}>Set up application</Button>
      </Group>
    </Stack>
  );
}

interface EnabledProps {
  status: MfaStatus;
  onRegenerate: () => void;
  onRemove: () => void;
  onSetUp: () => void;
}

export function MfaEnabledDetails({ status, onRegenerate, onRemove, onSetUp }: EnabledProps) {
  const left = status.recoveryCodesRemaining;
  const hasApp = status.method === 'totp';
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="green" variant="light">
          Enabled
        </Badge>
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          Authenticator app
        </Text>{' '}
        · {hasApp ? `enabled since ${date(status.appEnabledAt ?? status.enabledAt)}` : 'not set up'}
      </Text>
      {status.passkeyCount > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            Passkeys and security keys
          </Text>{' '}
          · {status.passkeyCount} (listed below)
        </Text>
      )}
      <Text size="sm">Recovery codes: {left} of 10 left</Text>
      {left < LOW_CODES && (
        <Alert
          color="yellow"
          role="status"
          title={left === 0 ? 'No recovery codes left' : 'Few recovery codes left'}
        >
          {left === 0
            ? 'If you lose your authenticator app you cannot sign in. Regenerate your recovery codes now.'
            : `Only ${left} recovery ${left === 1 ? 'code is' : 'codes are'} left. Regenerate them so you are not locked out if you lose your app.`}
        </Alert>
      )}
      {status.requiredBy.length > 0 && (
        <Text size="sm" c="dimmed">
          Required by {names(status.requiredBy)}.
        </Text>
      )}
      <Group gap="xs">
        <Button variant="default" onClick={onRegenerate}>
          Regenerate recovery codes
        </Button>
        {hasApp ? (
          <Button variant="outline" color="red" onClick={onRemove}>
            Remove authenticator
          </Button>
        ) : (
          <Button variant="default" onClick={onSetUp}>
            Set up application
          </Button>
        )}
      </Group>
    </Stack>
  );
}
