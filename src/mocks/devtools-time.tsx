import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '@/lib/format';
import { clock, db } from './db';
import { pendingSchedule } from './mfa-schedule';
import { scheduler } from './scheduler-runner';
import { saveNow } from './browser';

const HOUR = 3_600_000;

/**
 * Dev tools → Time: moves the mock's clock forward (never back), lets the scheduler catch up at
 * once (waves into the outbox, a deadline into effect), saves, and refreshes every query.
 */
export function AdvanceTime() {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => clock.now());
  const [busy, setBusy] = useState(false);

  async function advanceTo(target: number) {
    setBusy(true);
    try {
      clock.advance(Math.max(0, target - clock.now()));
      await scheduler.current.tick();
      saveNow();
      setNow(clock.now());
      await queryClient.invalidateQueries();
    } finally {
      setBusy(false);
    }
  }

  const schedules = [...db.orgs.values()].flatMap((org) => {
    const s = pendingSchedule(org, now);
    if (!s) return [];
    const wave = s.waves.find((w) => w.status === 'planned' && w.at > now);
    return [{ org, deadline: s.requiredFrom, wave }];
  });

  return (
    <Stack>
      <Text size="sm">
        The mock&apos;s clock: <strong>{formatDateTime(now)}</strong>. Moving it forward sends the
        reminder waves that fall due and makes scheduled requirements take effect.
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="light" loading={busy} onClick={() => void advanceTo(now + HOUR)}>
          +1 hour
        </Button>
        <Button
          size="xs"
          variant="light"
          loading={busy}
          onClick={() => void advanceTo(now + 24 * HOUR)}
        >
          +1 day
        </Button>
      </Group>
      <Title order={3} size="h5">
        Rollouts on a schedule
      </Title>
      {schedules.length === 0 && (
        <Text size="sm" c="dimmed">
          No organization has MFA scheduled.
        </Text>
      )}
      {schedules.map(({ org, deadline, wave }) => (
        <Stack key={org.id} gap={4}>
          <Text size="sm" fw={500}>
            {org.name}: required from {formatDateTime(deadline)}
          </Text>
          <Group gap="xs">
            {wave && (
              <Button
                size="xs"
                variant="light"
                loading={busy}
                onClick={() => void advanceTo(wave.at)}
                aria-label={`${org.name}: to the next wave (${formatDateTime(wave.at)})`}
              >
                To the next wave
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              loading={busy}
              onClick={() => void advanceTo(deadline)}
              aria-label={`${org.name}: to the deadline (${formatDateTime(deadline)})`}
            >
              To the deadline
            </Button>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
