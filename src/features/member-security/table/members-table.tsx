import { useMemo } from 'react';
import { Table, UnstyledButton } from '@mantine/core';
import {
  useTable,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { ListParams, Member, MemberSort } from '../api';
import { columns, features } from './columns';
import { LineSkeleton, Td, Tr } from './plain-markup';
import type { Selection } from './selection';
import classes from './members-table.module.css';
import { MemberCell } from './member-cell';

const EMPTY: Member[] = [];
const SORT_ARROW = { asc: '▲', desc: '▼' } as const;
const SORT_WORDS = { asc: 'sorted ascending', desc: 'sorted descending' } as const;

function toSorting(sort: MemberSort): SortingState {
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

function fromSorting(sorting: SortingState): MemberSort | undefined {
  const first = sorting[0];
  return first ? ((first.desc ? `-${first.id}` : first.id) as MemberSort) : undefined;
}

const apply = <T,>(updater: Updater<T>, old: T): T =>
  typeof updater === 'function' ? (updater as (o: T) => T)(old) : updater;

export interface MembersTableProps {
  rows: Member[] | undefined;
  total: number;
  view: ListParams;
  selection: Selection;
  dimmed: boolean;
  onSort: (sort: MemberSort) => void;
  onSelect: (ids: RowSelectionState, pageRows: readonly Member[]) => void;
}

/**
 * The page of members. Sorting, paging and filtering are done by the server (manual modes);
 * the table owns no data, only renders the page it is given and the selection it is told.
 */
export function MembersTable({
  rows,
  total,
  view,
  selection,
  dimmed,
  onSort,
  onSelect,
}: MembersTableProps) {
  const data = rows ?? EMPTY;
  const rowSelection = useMemo<RowSelectionState>(() => {
    if (selection.mode === 'all') return Object.fromEntries(data.map((m) => [m.id, true]));
    return Object.fromEntries([...selection.members.keys()].map((id) => [id, true]));
  }, [selection, data]);
  const sorting = useMemo(() => toSorting(view.sort), [view.sort]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (m) => m.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowRangeSelection: false,
    state: {
      sorting,
      rowSelection,
      pagination: { pageIndex: view.page - 1, pageSize: view.perPage },
    },
    onSortingChange: (updater) => {
      const next = fromSorting(apply(updater, sorting));
      if (next) onSort(next);
    },
    onRowSelectionChange: (updater) => onSelect(apply(updater, rowSelection), data),
  });

  return (
    <Table.ScrollContainer minWidth={640} className={classes.scroll}>
      <Table
        aria-label="Users and their MFA status"
        aria-busy={rows === undefined || dimmed}
        verticalSpacing="xs"
        className={classes.table}
        highlightOnHover
        style={{ opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sortable =
                  header.column.getCanSort() && !['select', 'more'].includes(header.id);
                const dir = header.column.getIsSorted();
                const title =
                  typeof header.column.columnDef.header === 'string'
                    ? header.column.columnDef.header
                    : header.id;
                return (
                  <Table.Th
                    key={header.id}
                    className={header.id === 'mfa' ? classes.status : undefined}
                    w={header.id === 'select' || header.id === 'more' ? 44 : undefined}
                    aria-sort={
                      sortable
                        ? dir === 'asc'
                          ? 'ascending'
                          : dir === 'desc'
                            ? 'descending'
                            : 'none'
                        : undefined
                    }
                  >
                    {sortable ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        fw={600}
                        fz="sm"
                        // "Person, sorted ascending": the column and the direction, in words.
                        aria-label={`${title}, ${dir ? SORT_WORDS[dir] : 'not sorted'}`}
                      >
                        <table.FlexRender header={header} />
                        {dir && (
                          <span aria-hidden="true" className={classes.sortArrow}>
                            {SORT_ARROW[dir]}
                          </span>
                        )}
                      </UnstyledButton>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows === undefined
            ? Array.from({ length: Math.min(view.perPage, 10) }, (_, i) => (
                <Tr key={i} selected={false} aria-hidden="true">
                  {columns.map((c, j) => (
                    <Td key={c.id ?? j}>
                      <LineSkeleton />
                    </Td>
                  ))}
                </Tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <Tr key={row.id} selected={row.getIsSelected()}>
                  {row.getAllCells().map((cell) => (
                    <MemberCell
                      key={cell.id}
                      cell={cell}
                      member={row.original}
                      selected={cell.column.id === 'select' ? row.getIsSelected() : null}
                    />
                  ))}
                </Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
