import { Button, Menu, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { OrganizationSummary } from '@/features/auth/api';

const roleLabel = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

export function OrgSwitcher({
  orgs,
  current,
}: {
  orgs: UseQueryResult<OrganizationSummary[]>;
  current: OrganizationSummary | undefined;
}) {
  const navigate = useNavigate();
  if (orgs.isError) {
    return (
      <Button size="xs" variant="subtle" color="red" onClick={() => void orgs.refetch()}>
        Organizations failed to load — retry
      </Button>
    );
  }
  return (
    <Menu position="bottom-start" width={280}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          loading={orgs.isPending}
          aria-label={
            current ? `Organization: ${current.name}. Switch organization` : 'Switch organization'
          }
          maw={{ base: 150, xs: 240 }}
        >
          <Text truncate size="sm">
            {current?.name ?? 'No organization'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {orgs.data?.length === 0 && <Menu.Item disabled>You are not in any organization</Menu.Item>}
        {orgs.data?.map((org) => (
          <Menu.Item
            key={org.slug}
            onClick={() => navigate(`/orgs/${org.slug}/settings/security`)}
            rightSection={
              <Text size="xs" c="dimmed">
                {roleLabel[org.role]}
                {org.access.granted ? '' : ' · needs sign-in'}
              </Text>
            }
            aria-current={org.slug === current?.slug ? 'true' : undefined}
          >
            {org.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
