import { Checkbox, VisuallyHidden } from '@mantine/core';
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { Member } from '../api';
import { displayName } from '@/lib/display-name';
import { RelativeTime } from '../relative-time';
import { RowMenu } from './row-menu';
import { RowCheckbox } from './plain-controls';
import { LightBadge, ManagedBadge, Stack, Text } from './plain-markup';

export const features = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  rowPaginationFeature,
});

const helper = createColumnHelper<typeof features, Member>();
const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;
const METHOD_LABEL = { app: 'App', passkey: 'Passkey' } as const;
const NAME_STACK = { minWidth: 0 };
const NAME = { overflowWrap: 'anywhere', whiteSpace: 'pre-line', fontWeight: 500 } as const;
const EMAIL = { overflowWrap: 'anywhere' } as const;

/** Column ids are the server's sort fields, so the sorting state maps straight to `sort`. */
export const columns = helper.columns([
  helper.display({
    id: 'select',
    header: ({ table }) => {
      const all = table.getIsAllPageRowsSelected();
      const some = table.getIsSomePageRowsSelected();
      return (
        <Checkbox
          aria-label="Select all on this page"
          checked={all}
          indeterminate={some && !all}
          onChange={(e) => table.toggleAllPageRowsSelected(e.currentTarget.checked)}
          disabled={table.getRowModel().rows.length === 0}
        />
      );
    },
    cell: ({ row }) => (
      <RowCheckbox
        label={`Select ${displayName(row.original)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  helper.accessor((m) => m.name ?? m.email, {
    id: 'name',
    header: 'Person',
    cell: ({ row }) => (
      <Stack gap={0} style={NAME_STACK}>
        <Text size="sm" style={NAME}>
          {displayName(row.original)}
          {row.original.managed && <ManagedBadge />}
        </Text>
        {row.original.name !== null && (
          <Text size="xs" dimmed style={EMAIL}>
            {row.original.email}
          </Text>
        )}
      </Stack>
    ),
  }),
  helper.accessor('role', {
    header: 'Role',
    cell: ({ row }) => ROLE_LABEL[row.original.role],
  }),
  helper.accessor('mfaEnabled', {
    id: 'mfa',
    header: 'MFA status',
    sortDescFirst: false,
    cell: ({ row }) =>
      row.original.mfaEnabled ? (
        <Stack gap={0.125} align="flex-start">
          <LightBadge color="teal">Enabled</LightBadge>
          {row.original.methods.length > 0 && (
            <Text size="xs" dimmed>
              {row.original.methods.map((m) => METHOD_LABEL[m]).join(', ')}
            </Text>
          )}
        </Stack>
      ) : (
        <LightBadge color="orange">Not enabled</LightBadge>
      ),
  }),
  helper.accessor('lastRemindedAt', {
    header: 'Last reminded',
    sortDescFirst: true,
    cell: ({ row }) =>
      row.original.lastRemindedAt ? (
        <RelativeTime iso={row.original.lastRemindedAt} />
      ) : (
        <Text size="sm" dimmed>
          Never
        </Text>
      ),
  }),
  helper.display({
    id: 'more',
    header: () => <VisuallyHidden>Actions</VisuallyHidden>,
    cell: ({ row }) => <RowMenu member={row.original} />,
  }),
]);
