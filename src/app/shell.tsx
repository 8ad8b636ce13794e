import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { useFocusPageHeading } from './use-focus-page-heading';
import { BRAND } from '@/lib/brand';
import { orgsQuery, type Session } from '@/features/auth/api';
import { useAppOptions } from './app-options';
import { useCurrentOrg } from './current-org';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

export function Shell({ session }: { session: Session }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { devtools } = useAppOptions();
  const location = useLocation();
  const orgs = useQuery(orgsQuery());
  const currentOrg = useCurrentOrg(orgs.data);
  const mainRef = useFocusPageHeading(location.pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text component={Link} to="/profile/security" fw={700} size="lg" visibleFrom="xs">
              {BRAND.name}
            </Text>
            <OrgSwitcher orgs={orgs} current={currentOrg} />
          </Group>
          <UserMenu session={session} currentOrg={currentOrg} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
          My profile
        </Text>
        <NavLink
          component={Link}
          to="/profile/security"
          label="Security"
          active={location.pathname === '/profile/security'}
          onClick={close}
        />
        {currentOrg && (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" truncate>
              {currentOrg.name} settings
            </Text>
            <NavLink
              component={Link}
              to={`/orgs/${currentOrg.slug}/settings/security`}
              label="Security"
              active={location.pathname.startsWith(`/orgs/${currentOrg.slug}/settings/security`)}
              onClick={close}
            />
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main ref={mainRef}>
        <Outlet />
      </AppShell.Main>
      {devtools}
    </AppShell>
  );
}
