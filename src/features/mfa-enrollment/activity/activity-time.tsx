import { formatDateTime } from '@/lib/format';
import { relativeTime } from '@/lib/relative-time';
import classes from './activity-time.module.css';

/** "3 hours ago"; the exact time on hover and on keyboard focus (and in its accessible name). */
export function ActivityTime({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  const relative = relativeTime(iso);
  return (
    <time
      className={classes.time}
      dateTime={iso}
      // Focusable so keyboard users get the exact time shown too, as on hover.
      // eslint-disable-next-line jsx-a11y-x/no-noninteractive-tabindex
      tabIndex={0}
      data-exact={exact}
      aria-label={`${relative}, ${exact}`}
    >
      {relative}
    </time>
  );
}
