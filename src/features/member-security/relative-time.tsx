import { Tooltip } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { relativeTime } from '@/lib/relative-time';

export { relativeTime };

/** "3 hours ago", with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact} withArrow>
      <time dateTime={iso} title={exact}>
        {relativeTime(iso)}
      </time>
    </Tooltip>
  );
}
