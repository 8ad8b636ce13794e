import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { schemas } from '@/api/contract-values';
import { ErrorState } from '@/lib/error-state';
import { formatCount, formatShortDate } from '@/lib/format';
import { adoptionQuery, type MfaAdoption } from './api';
import { waveLabel } from '@/lib/reminder-waves';
import { addDays } from '@/lib/zoned-date';

const MAX_DAYS = schemas.MfaAdoption.properties.days.maxItems;
const day = (iso: string) => iso.slice(0, 10);
const label = (date: string) => formatShortDate(`${date}T12:00:00Z`);

/** The server's days, then the days up to the deadline (no value yet), so it can be marked. */
function chartData(a: MfaAdoption) {
  const rows: { date: string; mfaEnabled: number | null }[] = a.days.map((d) => ({ ...d }));
  const deadline = a.requiredFrom ? day(a.requiredFrom) : null;
  let last = rows.at(-1)?.date;
  while (last && deadline && last < deadline && rows.length < MAX_DAYS) {
    last = addDays(last, 1);
    rows.push({ date: last, mfaEnabled: null });
  }
  return rows.map((r) => ({ ...r, label: label(r.date) }));
}

function sentence(a: MfaAdoption): string {
  const first = a.days[0];
  const last = a.days.at(-1);
  if (!first || !last) return 'No days to show yet.';
  const deadline = a.requiredFrom
    ? ` MFA is required from ${formatShortDate(a.requiredFrom)}.`
    : '';
  const waves = a.waves.map((w) => `${waveLabel(w.key)} (${formatShortDate(w.at)}, ${w.status})`);
  return `Users with MFA went from ${formatCount(first.mfaEnabled)} on ${label(first.date)} to ${formatCount(last.mfaEnabled)} of ${formatCount(a.total)} on ${label(last.date)}.${deadline}${waves.length ? ` Reminder waves: ${waves.join('; ')}.` : ''}`;
}

/** Users with MFA per day since the schedule began, with the deadline and the waves marked. */
export function AdoptionChart({ orgSlug }: { orgSlug: string }) {
  const adoption = useQuery(adoptionQuery(orgSlug));
  if (adoption.isPending)
    return <Skeleton height={160} role="status" aria-label="Loading the adoption chart" />;
  if (adoption.isError)
    return (
      <ErrorState
        error={adoption.error}
        title="Could not load the adoption chart"
        onRetry={() => void adoption.refetch()}
      />
    );
  const a = adoption.data;
  const data = chartData(a);
  const marks = [
    ...a.waves.map((w) => ({ x: label(day(w.at)), label: waveLabel(w.key), color: 'blue.6' })),
    ...(a.requiredFrom
      ? [{ x: label(day(a.requiredFrom)), label: 'Deadline', color: 'red.7' }]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Adoption
      </Title>
      <div aria-hidden="true">
        <LineChart
          h={180}
          data={data}
          dataKey="label"
          series={[{ name: 'mfaEnabled', label: 'Users with MFA', color: 'teal.7' }]}
          referenceLines={marks}
          curveType="linear"
          withDots
          connectNulls={false}
          yAxisProps={{ domain: [0, a.total] }}
          valueFormatter={formatCount}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      {/* The text alternative: the chart itself is hidden from assistive technology. */}
      <Text size="sm">{sentence(a)}</Text>
    </Stack>
  );
}
