import { Tooltip } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { relativeTime } from '@/lib/relative-time';

/** "3 hours ago"; the exact time on hover and on keyboard focus. */
export function ActivityTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact} withArrow events={{ hover: true, focus: true, touch: true }}>
      <time dateTime={iso} tabIndex={0} aria-label={`${relativeTime(iso)}, ${exact}`}>
        {relativeTime(iso)}
      </time>
    </Tooltip>
  );
}
