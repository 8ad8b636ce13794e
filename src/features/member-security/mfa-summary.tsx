import { memo } from 'react';
import { Group, Progress, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memberSummaryQuery } from '@/api/queries';
import { formatCount } from '@/lib/format';

/** "N of M users have MFA enabled", with a bar. */
export const MfaSummary = memo(function MfaSummary({ orgSlug }: { orgSlug: string }) {
  const summary = useQuery(memberSummaryQuery(orgSlug));
  if (summary.isPending)
    return <Skeleton height={36} role="status" aria-label="Loading the MFA summary" />;
  if (summary.isError)
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          The MFA summary could not be loaded.
        </Text>
        <Text
          component="button"
          type="button"
          size="sm"
          c="blue"
          td="underline"
          onClick={() => void summary.refetch()}
        >
          Try again
        </Text>
      </Group>
    );
  const { mfaEnabled, total } = summary.data;
  const text = `${formatCount(mfaEnabled)} of ${formatCount(total)} ${total === 1 ? 'user has' : 'users have'} MFA enabled`;
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {text}
      </Text>
      {/* The name on the progress bar itself, not on its role-less frame. */}
      <Progress.Root>
        <Progress.Section
          value={total === 0 ? 0 : (mfaEnabled / total) * 100}
          color="teal"
          aria-label={text}
        />
      </Progress.Root>
    </div>
  );
});
