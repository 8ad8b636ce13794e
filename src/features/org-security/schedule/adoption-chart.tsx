import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/lib/error-state';
import { formatCount } from '@/lib/format';
import { adoptionQuery } from './api';
import {
  adoptionSentence,
  chartMarks,
  chartRows,
  placeLabels,
  type ChartMark,
  type LabelPlace,
} from './adoption-data';

/** The y axis's width (recharts' default): the plot is the rest of the chart's width. */
const Y_AXIS_PX = 60;
const ROW_PX = 15;

/** A marker line; its label placed by `placeLabels` (the deadline's at the top). */
function referenceLine(m: ChartMark, place: LabelPlace) {
  if (m.kind === 'deadline')
    return { x: m.x, label: m.label, color: 'red.7', labelPosition: 'insideTopRight' as const };
  return {
    x: m.x,
    color: 'blue.6',
    label: {
      value: m.label,
      position:
        place.side === 'right' ? ('insideBottomLeft' as const) : ('insideBottomRight' as const),
      dy: -place.row * ROW_PX,
    },
  };
}

/** Users with MFA per day since the schedule began, with the deadline and the waves marked. */
export function AdoptionChart({ orgSlug }: { orgSlug: string }) {
  const adoption = useQuery(adoptionQuery(orgSlug));
  const { ref, width } = useElementSize();
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
  const rows = chartRows(a);
  const marks = chartMarks(a);
  const places = placeLabels(marks, rows, width - Y_AXIS_PX);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Adoption
      </Title>
      <div aria-hidden="true" ref={ref}>
        <LineChart
          h={180}
          data={rows}
          dataKey="label"
          series={[{ name: 'mfaEnabled', label: 'Users with MFA', color: 'teal.7' }]}
          referenceLines={marks.map((m, i) =>
            referenceLine(m, places[i] ?? { side: 'right', row: 0 }),
          )}
          curveType="linear"
          withDots
          connectNulls={false}
          yAxisProps={{ domain: [0, a.total] }}
          valueFormatter={formatCount}
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      {/* The text alternative: the chart itself is hidden from assistive technology. */}
      <Text size="sm">{adoptionSentence(a)}</Text>
    </Stack>
  );
}
