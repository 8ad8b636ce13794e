import { useState } from 'react';
import { Tooltip } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { relativeTime } from '@/lib/relative-time';

export { relativeTime };

/**
 * "3 hours ago", with the exact time on hover. Mantine's Tooltip (floating UI, its hooks and
 * listeners) mounts on the first hover, opened, instead of with each of a list's 25 rows.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  const [hovered, setHovered] = useState(false);
  const time = (
    <time
      dateTime={iso}
      title={exact}
      onPointerEnter={hovered ? undefined : () => setHovered(true)}
    >
      {relativeTime(iso)}
    </time>
  );
  return hovered ? (
    <Tooltip label={exact} withArrow defaultOpened>
      {time}
    </Tooltip>
  ) : (
    time
  );
}
