import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut, type OrganizationSummary } from '@/features/auth/api';
import { PlainMenuItem } from '@/lib/plain-menu-dropdown';

/** My profile, Settings, the colour scheme and Sign out (rendered while the menu is open). */
export function UserMenuItems({ currentOrg }: { currentOrg: OrganizationSummary | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

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
    <>
      <PlainMenuItem onSelect={() => void navigate('/profile/security')}>My profile</PlainMenuItem>
      <PlainMenuItem
        disabled={!currentOrg}
        onSelect={() => currentOrg && void navigate(`/orgs/${currentOrg.slug}/settings`)}
      >
        Settings
      </PlainMenuItem>
      {/* The menu stays open on this item (its words change), so focus is not lost. */}
      <PlainMenuItem keepOpen onSelect={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        {scheme === 'dark' ? 'Light colour scheme' : 'Dark colour scheme'}
      </PlainMenuItem>
      <PlainMenuItem onSelect={() => void onSignOut()}>Sign out</PlainMenuItem>
    </>
  );
}
