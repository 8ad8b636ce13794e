import { memo } from 'react';
import { FlexRender, type Cell } from '@tanstack/react-table';
import type { Member } from '../api';
import type { features } from './columns';
import classes from './members-table.module.css';
import { Td } from './plain-markup';

/** Narrow screens show these cells without their column's header: they name themselves. */
const CELL_LABEL: Record<string, string> = { role: 'Role', lastRemindedAt: 'Last reminded' };

/**
 * One cell of a person's row. It renders again only when that person's data (a new object from
 * the server; unchanged people keep theirs) or, for the checkbox, their selection changes: the
 * rest of the screen (a notice, a job's progress, a pending send) does not re-render 25 rows of
 * menus and badges. The row menu still follows RowActionsContext, which React passes through.
 */
export const MemberCell = memo(
  function MemberCell({
    cell,
  }: {
    cell: Cell<typeof features, Member, unknown>;
    member: Member;
    selected: boolean | null;
  }) {
    const id = cell.column.id;
    return (
      <Td
        data-col={id}
        data-label={CELL_LABEL[id]}
        className={id === 'mfa' ? classes.status : undefined}
      >
        <FlexRender cell={cell} />
      </Td>
    );
  },
  (before, after) =>
    before.member === after.member &&
    before.selected === after.selected &&
    before.cell.column.id === after.cell.column.id,
);
