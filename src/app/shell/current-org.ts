import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { OrganizationSummary } from '@/features/auth/api';

/** The organization in the URL, else the one last opened, else the person's first. */
export function useCurrentOrg(
  orgs: OrganizationSummary[] | undefined,
): OrganizationSummary | undefined {
  const { orgSlug } = useParams();
  const [lastSlug, setLastSlug] = useState<string | undefined>(orgSlug);
  useEffect(() => {
    if (orgSlug) setLastSlug(orgSlug);
  }, [orgSlug]);
  const slug = orgSlug ?? lastSlug;
  return orgs?.find((o) => o.slug === slug) ?? orgs?.[0];
}
