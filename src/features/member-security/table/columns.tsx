import { Badge, Checkbox, Stack, Text, VisuallyHidden } from '@mantine/core';
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

export const features = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  rowPaginationFeature,
});

const helper = createColumnHelper<typeof features, Member>();
const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;
const METHOD_LABEL = { app: 'App', passkey: 'Passkey' } as const;

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
      <Checkbox
        aria-label={`Select ${displayName(row.original)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  helper.accessor((m) => m.name ?? m.email, {
    id: 'name',
    header: 'Person',
    cell: ({ row }) => (
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          {displayName(row.original)}
          {row.original.managed && (
            <Badge
              component="span"
              ml={6}
              size="xs"
              variant="outline"
              color="gray"
              title="Managed: the organization verified this account's e-mail domain"
            >
              Managed
            </Badge>
          )}
        </Text>
        {row.original.name !== null && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
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
        <Stack gap={2} align="flex-start">
          <Badge color="teal" variant="light">
            Enabled
          </Badge>
          {row.original.methods.length > 0 && (
            <Text size="xs" c="dimmed">
              {row.original.methods.map((m) => METHOD_LABEL[m]).join(', ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Badge color="orange" variant="light">
          Not enabled
        </Badge>
      ),
  }),
  helper.accessor('lastRemindedAt', {
    header: 'Last reminded',
    sortDescFirst: true,
    cell: ({ row }) =>
      row.original.lastRemindedAt ? (
        <RelativeTime iso={row.original.lastRemindedAt} />
      ) : (
        <Text size="sm" c="dimmed">
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
