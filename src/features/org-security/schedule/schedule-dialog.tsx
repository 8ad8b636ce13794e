import { useState } from 'react';
import { Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memberSummaryQuery } from '@/api/queries';
import { plural } from '../format';
import { ErrorState } from '@/lib/error-state';
import { formatCount } from '@/lib/format';
import { WAVES, type WaveKey } from '@/lib/reminder-waves';
import type { ScheduleState } from './api';
import {
  addDays,
  dateIn,
  formatDay,
  startOfDayIso,
  viewerTimeZone,
  zonedDateTime,
} from '@/lib/zoned-date';
import { parseDay, ScheduleDateField } from './schedule-date-field';
import { DialogFooter } from '@/lib/dialog-footer';

export interface ScheduleChoice {
  requiredFrom: string;
  reminderPlan: WaveKey[];
}

function Impact({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const summary = useQuery(memberSummaryQuery(orgSlug));
  if (summary.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">Checking who would be affected…</Text>
      </Group>
    );
  if (summary.isError)
    return (
      <ErrorState
        title="Could not check who would be affected"
        error={summary.error}
        onRetry={() => void summary.refetch()}
      />
    );
  const { withoutMfa, total, withoutMfaByRole: by } = summary.data;
  if (withoutMfa === 0) return <Text size="sm">Everyone in {orgName} already has MFA.</Text>;
  return (
    <Text size="sm">
      <strong>
        {formatCount(withoutMfa)} of {plural(total, 'user')}
      </strong>{' '}
      have no MFA today ({plural(by.owner, 'owner')}, {plural(by.admin, 'admin')},{' '}
      {plural(by.member, 'member')}). From the date, until they set it up, they cannot use {orgName}
      &apos;s Console, Git, SSH and API. Nobody is removed from the organization.
    </Text>
  );
}

/**
 * Require from a date… (and Change date): a day in the viewer's zone, tomorrow to 365 days ahead
 * by the server's clock, the reminder plan and who is affected. The server checks it all again.
 */
export function ScheduleDialog({
  orgSlug,
  orgName,
  schedule,
  mode,
  saving,
  errorText,
  onConfirm,
  onClose,
}: {
  orgSlug: string;
  orgName: string;
  schedule: ScheduleState;
  mode: 'create' | 'change';
  saving: boolean;
  errorText: string | null;
  onConfirm: (choice: ScheduleChoice) => void;
  onClose: () => void;
}) {
  const zone = viewerTimeZone();
  const today = dateIn(Date.parse(schedule.serverTime), zone);
  const min = addDays(today, 1);
  const max = addDays(today, 365);
  const current = schedule.requiredFrom ? dateIn(Date.parse(schedule.requiredFrom), zone) : null;
  const [text, setText] = useState(formatDay(current ?? addDays(today, 30)));
  const [plan, setPlan] = useState<string[]>(WAVES.map((w) => w.key));
  const [touched, setTouched] = useState(false);
  const date = parseDay(text);
  const dateError = !text.trim()
    ? 'Enter a date.'
    : !date
      ? `Enter a date such as ${formatDay(min)}.`
      : date < min
        ? 'Pick a day from tomorrow on.'
        : date > max
          ? 'Pick a day at most 365 days ahead.'
          : null;

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!saving}
      closeOnClickOutside={!saving}
      withCloseButton={!saving}
      centered
      title={mode === 'create' ? `Require MFA in ${orgName} from a date` : 'Change the date'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (dateError || !date) return;
          onConfirm({
            requiredFrom: startOfDayIso(date, zone),
            reminderPlan: plan.filter((k): k is WaveKey => WAVES.some((w) => w.key === k)),
          });
        }}
      >
        <Stack gap="md">
          <ScheduleDateField
            text={text}
            onText={setText}
            min={min}
            max={max}
            description={
              date && !dateError
                ? `From the start of that day: ${zonedDateTime(startOfDayIso(date, zone))}.`
                : `In your time zone, ${zone}: tomorrow to 365 days ahead.`
            }
            error={touched ? dateError : null}
            disabled={saving}
            onBlur={() => setTouched(true)}
          />
          {mode === 'create' && (
            <>
              <Checkbox.Group
                label="Reminder plan"
                description="E-mails to everyone still without MFA. Anyone reminded in the last 24 hours is skipped."
                value={plan}
                onChange={setPlan}
              >
                <Stack gap={6} mt="xs">
                  {WAVES.map((w) => (
                    <Checkbox key={w.key} value={w.key} label={w.label} disabled={saving} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Impact orgSlug={orgSlug} orgName={orgName} />
            </>
          )}
          {mode === 'change' && (
            <Text size="sm">Reminders already sent stay sent; the others move with the date.</Text>
          )}
          <DialogFooter
            problem={errorText}
            problemTitle="Not saved"
            onCancel={onClose}
            cancelDisabled={saving}
          >
            <Button type="submit" loading={saving}>
              {mode === 'create' ? 'Schedule' : 'Save date'}
            </Button>
          </DialogFooter>
        </Stack>
      </form>
    </Modal>
  );
}
