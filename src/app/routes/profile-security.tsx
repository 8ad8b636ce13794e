import { Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQuery } from '@/features/auth/api';
import { ErrorState } from '../error-state';
import { PageHeader } from './page-header';

// Slot: the issue-3 enrollment feature composes here.
export function ProfileSecurityRoute() {
  const me = useQuery(meQuery());
  return (
    <Stack maw={960}>
      <PageHeader
        title="My profile"
        tabs={[{ label: 'Security', to: '/profile/security' }]}
        active="Security"
      />
      {me.isPending && <Loader aria-label="Loading your security settings" />}
      {me.isError && <ErrorState error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && (
        <Card withBorder>
          <Title order={2} size="h3">
            Multi-factor authentication
          </Title>
          <Text>
            {me.data.mfa.enabled
              ? `Enabled since ${new Date(me.data.mfa.enabledAt ?? '').toLocaleDateString()}.`
              : 'Not enabled.'}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
