import { Group, Text, UnstyledButton } from '@mantine/core';
import type { OrganizationSummary, Session } from '@/features/auth/api';
import { displayName } from '@/lib/display-name';
import { deferredMenu } from './deferred-menu';
import classes from '../shell.module.css';

const DeferredUserMenu = deferredMenu<{ currentOrg: OrganizationSummary | undefined }>(() =>
  import('./user-menu-body').then((m) => m.UserMenuBody),
);

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email;
  return Array.from(
    source
      .split(/\s+/)
      .slice(0, 2)
      .map((part) => Array.from(part)[0] ?? '')
      .join(''),
  )
    .join('')
    .toUpperCase();
}

/** The user menu button: the person's name; the menu itself loads on first use. */
export function UserMenu({
  session,
  currentOrg,
}: {
  session: Session;
  currentOrg: OrganizationSummary | undefined;
}) {
  const name = displayName(session.user);
  const letters = initials(session.user.name, session.user.email);
  return (
    <DeferredUserMenu
      currentOrg={currentOrg}
      trigger={
        <UnstyledButton
          // The visible initials start the name (WCAG 2.5.3: what you see is what you can say).
          aria-label={`${letters}: User menu for ${name}`}
          title={`Signed in as ${session.user.email}`}
        >
          <Group gap="xs" wrap="nowrap">
            <span className={classes.initials} aria-hidden="true">
              {letters}
            </span>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      }
    />
  );
}
