import type { CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import type { OrganizationSummary } from '@/features/auth/api';
import { PlainMenuItem } from '@/lib/plain-menu-dropdown';

const DIMMED_XS = {
  '--text-fz': 'var(--mantine-font-size-xs)',
  '--text-lh': 'var(--mantine-line-height-xs)',
  color: 'var(--mantine-color-dimmed)',
} as CSSProperties;

const roleLabel = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

/** "mfa" → "MFA", "sso:acme" → "SSO (acme)": what this session still lacks for the organization. */
const methodShort = (method: string) =>
  method === 'mfa' ? 'MFA' : method.startsWith('sso:') ? `SSO (${method.slice(4)})` : method;

/** The person's organizations, each with their role and what this session still lacks for it. */
export function OrgItems({
  orgs,
  current,
}: {
  orgs: OrganizationSummary[] | undefined;
  current: OrganizationSummary | undefined;
}) {
  const navigate = useNavigate();
  if (orgs?.length === 0)
    return (
      <PlainMenuItem disabled onSelect={() => {}}>
        You are not in any organization
      </PlainMenuItem>
    );
  return orgs?.map((org) => (
    <PlainMenuItem
      key={org.slug}
      onSelect={() => void navigate(`/orgs/${org.slug}/settings/security`)}
      right={
        // <Text size="xs" c="dimmed"> (Text's styles are the first page's).
        <p
          className="mantine-focus-auto m_b6d8b162 mantine-Text-root"
          data-size="xs"
          style={DIMMED_XS}
        >
          {roleLabel[org.role]}
          {org.access.granted ? '' : ` · needs ${org.access.missing.map(methodShort).join(' + ')}`}
        </p>
      }
      aria-current={org.slug === current?.slug ? 'true' : undefined}
    >
      {org.name}
    </PlainMenuItem>
  ));
}
