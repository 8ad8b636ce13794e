import { useState } from 'react';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { type OrganizationSummary } from '@/features/auth/api';
import { meQuery } from '@/api/queries';
import { countdown, zonedDateTime } from '@/lib/zoned-date';

const DAY_MS = 86_400_000;
/** My profile → Security, and back here afterwards (as the access-denied page links it). */
const setUpMfaPath = (returnTo: string) =>
  `/profile/security?returnTo=${encodeURIComponent(returnTo)}`;
/** Dismissals, in memory only (slug → until when, by this page's clock): nothing is stored. */
const dismissed = new Map<string, number>();

/**
 * On every page of an organization that requires MFA from a date: members without MFA see when,
 * with the way to set it up (and back here after); owners and admins are sent to the progress.
 */
export function ScheduleBanner({ org }: { org: OrganizationSummary | undefined }) {
  const me = useQuery(meQuery());
  const location = useLocation();
  const [, rerender] = useState(0);
  const schedule = org?.mfaSchedule;
  if (!org || !schedule || !me.data || me.data.mfa.enabled) return null;
  const until = dismissed.get(org.slug);
  if (until !== undefined && Date.now() < until) return null;
  const when = `${zonedDateTime(schedule.requiredFrom)} (${countdown(schedule.requiredFrom, schedule.serverTime)})`;
  const settings = `/orgs/${org.slug}/settings/security`;
  const manager = org.role !== 'member';
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      role="region"
      aria-label={`${org.name} requires MFA`}
      withCloseButton
      closeButtonLabel="Dismiss for a day"
      onClose={() => {
        dismissed.set(org.slug, Date.now() + DAY_MS);
        rerender((n) => n + 1);
      }}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {org.name} requires MFA from {when}.
          {manager && (
            <>
              {' '}
              <Anchor component={Link} to={settings} size="sm">
                See the progress
              </Anchor>
            </>
          )}
        </Text>
        <Button component={Link} to={setUpMfaPath(location.pathname + location.search)} size="xs">
          Set up MFA
        </Button>
      </Group>
    </Alert>
  );
}
