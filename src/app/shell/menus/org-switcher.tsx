import { Button, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { OrganizationSummary } from '@/features/auth/api';
import { deferredMenu } from './deferred-menu';

const DeferredOrgMenu = deferredMenu<{
  orgs: OrganizationSummary[] | undefined;
  current: OrganizationSummary | undefined;
}>(() => import('./org-switcher-body').then((m) => m.OrgSwitcherBody));

/** The organization switcher button; its menu loads on first use. */
export function OrgSwitcher({
  orgs,
  current,
}: {
  orgs: UseQueryResult<OrganizationSummary[]>;
  current: OrganizationSummary | undefined;
}) {
  if (orgs.isError) {
    return (
      <Button size="xs" variant="subtle" color="red" onClick={() => void orgs.refetch()}>
        Organizations failed to load — retry
      </Button>
    );
  }
  return (
    <DeferredOrgMenu
      orgs={orgs.data}
      current={current}
      trigger={
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
      }
    />
  );
}
