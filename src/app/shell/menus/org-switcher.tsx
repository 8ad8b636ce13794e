import { Button, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { OrganizationSummary } from '@/features/auth/api';
import { plainMenu } from '@/lib/plain-menu';

/** The menu's items load with its first use, or once the page is idle (see plainMenu). */
export const orgMenu = plainMenu(() => import('./org-switcher-items').then((m) => m.OrgItems));

/** The organization switcher: a menu of the person's organizations. */
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
    <orgMenu.Menu
      orgs={orgs.data}
      current={current}
      position="bottom-start"
      width={280}
      trigger={(props) => (
        <Button
          {...props}
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
      )}
    />
  );
}
