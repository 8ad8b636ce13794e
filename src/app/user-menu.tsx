import {
  Avatar,
  Group,
  Menu,
  Text,
  UnstyledButton,
  useMantineColorScheme,
  useComputedColorScheme,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut, type OrganizationSummary, type Session } from '@/features/auth/api';

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

/** The user menu of the source document: My profile, Settings, colour scheme, Sign out. */
export function UserMenu({
  session,
  currentOrg,
}: {
  session: Session;
  currentOrg: OrganizationSummary | undefined;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const displayName = session.user.name ?? session.user.email;

  async function onSignOut() {
    try {
      await signOut();
    } finally {
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    }
  }

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton
          aria-label={`User menu for ${displayName}`}
          title={`Signed in as ${session.user.email}`}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size="sm" color="indigo">
              {initials(session.user.name, session.user.email)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => navigate('/profile/security')}>My profile</Menu.Item>
        <Menu.Item
          disabled={!currentOrg}
          onClick={() => currentOrg && navigate(`/orgs/${currentOrg.slug}/settings`)}
        >
          Settings
        </Menu.Item>
        <Menu.Item onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
          {scheme === 'dark' ? 'Light colour scheme' : 'Dark colour scheme'}
        </Menu.Item>
        <Menu.Item onClick={() => void onSignOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
