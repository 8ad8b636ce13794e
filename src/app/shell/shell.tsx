import { Burger, Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { useFocusPageHeading } from './use-focus-page-heading';
import { BRAND } from '@/lib/brand';
import { type Session } from '@/features/auth/api';
import { orgListQuery } from '@/api/queries';
import { useAppOptions } from '../app-options';
import { useCurrentOrg } from './current-org';
import { OrgSwitcher } from './menus/org-switcher';
import { UserMenu } from './menus/user-menu';
import { RouteBoundary } from '../route-error';
import classes from './shell.module.css';
import { pageLoader } from '../page-loader';
import { PageCommitted } from '../first-load/page-committed';

/** Only organizations with a rollout under way load the banner's code. */
const ScheduleBanner = lazy(() =>
  import('./schedule-banner').then((m) => ({ default: m.ScheduleBanner })),
);

export function Shell({ session }: { session: Session | undefined }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { devtools } = useAppOptions();
  const location = useLocation();
  const orgs = useQuery(orgListQuery());
  const currentOrg = useCurrentOrg(orgs.data);
  const mainRef = useFocusPageHeading(location.pathname);

  return (
    <div className={classes.root} data-nav-opened={opened || undefined}>
      <header className={classes.header}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/profile/security" fw={700} size="lg" visibleFrom="xs">
              {BRAND.name}
            </Text>
            <OrgSwitcher orgs={orgs} current={currentOrg} />
          </Group>
          {session ? (
            <UserMenu session={session} currentOrg={currentOrg} />
          ) : (
            <span className={classes.initials} aria-hidden="true" />
          )}
        </Group>
      </header>
      <nav id="main-navigation" className={classes.navbar} aria-label="Main">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
          My profile
        </Text>
        <Link
          className={classes.navLink}
          to="/profile/security"
          aria-current={location.pathname === '/profile/security' ? 'page' : undefined}
          onClick={close}
        >
          Security
        </Link>
        {currentOrg && (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" truncate>
              {currentOrg.name} settings
            </Text>
            <Link
              className={classes.navLink}
              to={`/orgs/${currentOrg.slug}/settings/security`}
              aria-current={
                location.pathname.startsWith(`/orgs/${currentOrg.slug}/settings/security`)
                  ? 'page'
                  : undefined
              }
              onClick={close}
            >
              Security
            </Link>
          </>
        )}
      </nav>
      <main className={classes.main} ref={mainRef}>
        {/* Not on My profile → Security: that is where the banner's Set up MFA leads. */}
        {session && currentOrg?.mfaSchedule && !location.pathname.startsWith('/profile/') && (
          <Suspense fallback={null}>
            <ScheduleBanner org={currentOrg} />
          </Suspense>
        )}
        <RouteBoundary>
          <Suspense fallback={pageLoader}>
            <Outlet />
            <PageCommitted />
          </Suspense>
        </RouteBoundary>
      </main>
      {devtools}
    </div>
  );
}
