import { Menu, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { OrganizationSummary } from '@/features/auth/api';
import type { MenuBodyProps } from './deferred-menu';
import { useFocusFirstItem } from './use-focus-first-item';

const roleLabel = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

/** "mfa" → "MFA", "sso:acme" → "SSO (acme)": what this session still lacks for the organization. */
const methodShort = (method: string) =>
  method === 'mfa' ? 'MFA' : method.startsWith('sso:') ? `SSO (${method.slice(4)})` : method;

export function OrgSwitcherBody({
  trigger,
  initiallyOpened,
  orgs,
  current,
}: MenuBodyProps & {
  orgs: OrganizationSummary[] | undefined;
  current: OrganizationSummary | undefined;
}) {
  const navigate = useNavigate();
  const dropdownRef = useFocusFirstItem(initiallyOpened);
  return (
    <Menu position="bottom-start" width={280} defaultOpened={initiallyOpened}>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown ref={dropdownRef}>
        {orgs?.length === 0 && <Menu.Item disabled>You are not in any organization</Menu.Item>}
        {orgs?.map((org) => (
          <Menu.Item
            key={org.slug}
            onClick={() => navigate(`/orgs/${org.slug}/settings/security`)}
            rightSection={
              <Text size="xs" c="dimmed">
                {roleLabel[org.role]}
                {org.access.granted
                  ? ''
                  : ` · needs ${org.access.missing.map(methodShort).join(' + ')}`}
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
