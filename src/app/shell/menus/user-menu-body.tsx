import { Menu, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut, type OrganizationSummary } from '@/features/auth/api';
import type { MenuBodyProps } from './deferred-menu';
import { useFocusFirstItem } from './use-focus-first-item';

/** The user menu of the source document: My profile, Settings, colour scheme, Sign out. */
export function UserMenuBody({
  trigger,
  initiallyOpened,
  currentOrg,
}: MenuBodyProps & { currentOrg: OrganizationSummary | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const dropdownRef = useFocusFirstItem(initiallyOpened);

  async function onSignOut() {
    try {
      await signOut();
    } finally {
      // Leave the signed-in pages first, so nothing refetches (and meets a 401) after the cache
      // is dropped; a deliberate sign-out is not an expired session and keeps no return path.
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
    }
  }

  return (
    <Menu position="bottom-end" width={240} defaultOpened={initiallyOpened}>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown ref={dropdownRef}>
        <Menu.Item onClick={() => navigate('/profile/security')}>My profile</Menu.Item>
        <Menu.Item
          disabled={!currentOrg}
          onClick={() => currentOrg && navigate(`/orgs/${currentOrg.slug}/settings`)}
        >
          Settings
        </Menu.Item>
        {/* The menu stays open on this item (its words change), so focus is not lost. */}
        <Menu.Item
          closeMenuOnClick={false}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
        >
          {scheme === 'dark' ? 'Light colour scheme' : 'Dark colour scheme'}
        </Menu.Item>
        <Menu.Item onClick={() => void onSignOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
