import { List, Progress, Stack, Text } from '@mantine/core';
import { schemas } from '@/api/contract-values';
import type { components } from '@/api/schema';
import { formatCount } from '@/lib/format';
import type { MfaSchedule } from './api';
import { countdown, zonedDateTime } from '@/lib/zoned-date';
import { waveLabel } from '@/lib/reminder-waves';

const ROLE_LABELS: Record<components['schemas']['Role'], string> = {
  owner: 'Owners',
  admin: 'Admins',
  member: 'Members',
};
/** The contract's roles, in its order. */
const ROLES = schemas.Role.enum.map((role) => [role, ROLE_LABELS[role]] as const);

/** N of M users have MFA, by role, and the next reminder wave: owners and admins. */
export function ScheduleProgress({ schedule }: { schedule: MfaSchedule }) {
  const { progress, nextWave, serverTime } = schedule;
  return (
    <Stack gap={6}>
      {progress && (
        <>
          <Text size="sm">
            {formatCount(progress.mfaEnabled)} of {formatCount(progress.total)} users have MFA
            enabled
          </Text>
          <Progress
            value={progress.total ? (100 * progress.mfaEnabled) / progress.total : 0}
            aria-label="Users with MFA enabled"
            color="teal.8"
          />
          <List size="sm" spacing={2} aria-label="Users with MFA by role">
            {ROLES.map(([role, label]) => (
              <List.Item key={role}>
                {label}: {formatCount(progress.byRole[role].mfaEnabled)} of{' '}
                {formatCount(progress.byRole[role].total)}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Text size="sm">
        {nextWave
          ? `Next reminder: ${waveLabel(nextWave.key)}, ${zonedDateTime(nextWave.at)} (${countdown(nextWave.at, serverTime)}).`
          : 'No more reminders are planned.'}
      </Text>
    </Stack>
  );
}
