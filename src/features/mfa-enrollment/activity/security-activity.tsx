import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorState } from '@/lib/error-state';
import { activityQuery, type SecurityActivity } from './activity-api';
import { activityDetail, activityTitle } from './activity-text';
import { ActivityTime } from './activity-time';

function ActivityItem({ event }: { event: SecurityActivity }) {
  const detail = activityDetail(event);
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm" py={6}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {activityTitle(event)}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {detail}
            </Text>
          )}
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <ActivityTime iso={event.at} />
        </Text>
      </Group>
    </li>
  );
}

/** My profile → Security → Recent security activity: the person's own events, newest first. */
export function RecentSecurityActivity() {
  const activity = useInfiniteQuery(activityQuery());
  const events = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="activity-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="activity-heading">
          Recent security activity
        </Title>
        <Text size="sm" c="dimmed">
          Sign-ins and changes to your sign-in methods. If you see something you did not do, change
          your password and regenerate your recovery codes.
        </Text>
        {activity.isPending && (
          // About one event's space: less moves when the list arrives.
          <Skeleton
            h={{ base: 49, sm: 29 }}
            radius="sm"
            role="status"
            aria-label="Loading your security activity"
          />
        )}
        {activity.isError && events.length === 0 && (
          <ErrorState
            title="Your security activity could not be loaded"
            error={activity.error}
            onRetry={() => void activity.refetch()}
          />
        )}
        {activity.isSuccess && events.length === 0 && (
          <Text size="sm">No security activity yet.</Text>
        )}
        {events.length > 0 && (
          <ul
            aria-label="Recent security activity"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {events.map((e) => (
              <ActivityItem key={e.id} event={e} />
            ))}
          </ul>
        )}
        {activity.isFetchNextPageError && (
          <ErrorState
            title="More activity could not be loaded"
            error={activity.error}
            onRetry={() => void activity.fetchNextPage()}
          />
        )}
        {activity.hasNextPage && !activity.isFetchNextPageError && (
          <Group>
            <Button
              variant="default"
              size="xs"
              loading={activity.isFetchingNextPage}
              onClick={() => void activity.fetchNextPage()}
            >
              Show older activity
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
