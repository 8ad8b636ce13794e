import { Tooltip } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { relativeTime } from '@/lib/relative-time';

/** "3 hours ago"; the exact time on hover and on keyboard focus. */
export function ActivityTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact} withArrow events={{ hover: true, focus: true, touch: true }}>
      {/* Focusable so keyboard users get the exact time too (the tooltip opens on focus). */}
      {/* eslint-disable-next-line jsx-a11y-x/no-noninteractive-tabindex */}
      <time dateTime={iso} tabIndex={0} aria-label={`${relativeTime(iso)}, ${exact}`}>
        {relativeTime(iso)}
      </time>
    </Tooltip>
  );
}
