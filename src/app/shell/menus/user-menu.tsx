import { Group, Text, UnstyledButton } from '@mantine/core';
import type { OrganizationSummary, Session } from '@/features/auth/api';
import { displayName } from '@/lib/display-name';
import { plainMenu } from '@/lib/plain-menu';
import classes from '../shell.module.css';

/** The menu's items load with its first use, or once the page is idle (see plainMenu). */
export const userMenu = plainMenu(() => import('./user-menu-items').then((m) => m.UserMenuItems));

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

/** The user menu: the person's name; its items are those of the source document. */
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
    <userMenu.Menu
      currentOrg={currentOrg}
      position="bottom-end"
      width={240}
      trigger={(props) => (
        <UnstyledButton
          {...props}
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
      )}
    />
  );
}
