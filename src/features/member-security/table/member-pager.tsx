import { useRef, memo } from 'react';
import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import type { ListParams } from '../api';
import { PER_PAGE_OPTIONS } from './view-params';
import { formatCount } from '@/lib/format';
import { returnFocus } from '@/lib/focus-return';

/** Below the list: which rows are shown of how many, rows per page and the page buttons. */
export const MemberPager = memo(function MemberPager({
  view,
  total,
  pages,
  shown,
  onPage,
  onPerPage,
}: {
  view: ListParams;
  total: number;
  pages: number;
  /** Rows on this page (undefined while the first page loads). */
  shown: number | undefined;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}) {
  const pagerRef = useRef<HTMLDivElement>(null);
  const first = (view.page - 1) * view.perPage + 1;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown !== undefined && shown > 0
          ? `${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)}`
          : `${formatCount(total)} users`}
      </Text>
      <Group gap="sm" wrap="wrap" ref={pagerRef}>
        <NativeSelect
          aria-label="Rows per page"
          size="xs"
          value={String(view.perPage)}
          onChange={(e) => onPerPage(Number(e.currentTarget.value))}
          data={PER_PAGE_OPTIONS.map((n) => ({ value: String(n), label: `${n} per page` }))}
        />
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(view.page, pages)}
          onChange={(page) => {
            // The pressed page button may be re-created: keep focus on the same control.
            const label = document.activeElement?.getAttribute('aria-label');
            onPage(page);
            // At the last page "next page" is disabled: the current page's button then.
            returnFocus(
              document.activeElement as HTMLElement | null,
              () =>
                label
                  ? pagerRef.current?.querySelector<HTMLElement>(`[aria-label="${label}"]`)
                  : null,
              () => pagerRef.current?.querySelector<HTMLElement>('[data-active]'),
            );
          }}
          siblings={1}
          boundaries={1}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
        />
      </Group>
    </Group>
  );
});
