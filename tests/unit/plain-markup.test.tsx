import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  ActionIcon,
  Badge,
  Checkbox,
  MantineProvider,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { theme } from '@/app/theme';
import * as Controls from '@/features/member-security/table/plain-controls';
import * as Markup from '@/features/member-security/table/plain-markup';

const Plain = { ...Markup, ...Controls };

/**
 * The user list's rows are plain elements that must render exactly what the Mantine components
 * they replaced render with this app's theme (the visual baseline relies on it): compared here
 * markup for markup, Mantine's generated ids aside.
 */
function html(node: ReactNode): string {
  const { container, unmount } = render(
    <MantineProvider theme={theme}>
      <Table highlightOnHover>
        <tbody>{node}</tbody>
      </Table>
    </MantineProvider>,
  );
  const out = [...(container.querySelector('tbody')?.children ?? [])].map(canonical).join('');
  unmount();
  return out;
}
/** An element as text with its attributes sorted (their order means nothing), ids left out. */
function canonical(node: Node): string {
  if (!(node instanceof Element)) return node.textContent ?? '';
  const attributes = [...node.attributes]
    .filter((a) => a.name !== 'id')
    .map((a) => ` ${a.name}="${a.value}"`)
    .sort()
    .join('');
  const inner = [...node.childNodes].map(canonical).join('');
  return `<${node.tagName.toLowerCase()}${attributes}>${inner}</${node.tagName.toLowerCase()}>`;
}
const cell = (node: ReactNode) => (
  <tr>
    <td>{node}</td>
  </tr>
);
const same = (mantine: ReactNode, plain: ReactNode) =>
  expect(html(cell(plain))).toBe(html(cell(mantine)));
const noop = () => {};

describe('plain markup of the user list’s rows', () => {
  it('renders Mantine’s checkbox, checked and not', () => {
    for (const checked of [false, true])
      same(
        <Checkbox aria-label="Select Ann" checked={checked} onChange={noop} />,
        <Plain.RowCheckbox label="Select Ann" checked={checked} onChange={noop} />,
      );
  });

  it('renders Mantine’s Text and Stack as the name and status cells use them', () => {
    same(
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          Ann
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          ann@example.com
        </Text>
      </Stack>,
      <Plain.Stack gap={0} style={{ minWidth: 0 }}>
        <Plain.Text
          size="sm"
          style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line', fontWeight: 500 }}
        >
          Ann
        </Plain.Text>
        <Plain.Text size="xs" dimmed style={{ overflowWrap: 'anywhere' }}>
          ann@example.com
        </Plain.Text>
      </Plain.Stack>,
    );
    same(
      <Stack gap={2} align="flex-start">
        <Text size="sm" c="dimmed">
          Never
        </Text>
      </Stack>,
      <Plain.Stack gap={0.125} align="flex-start">
        <Plain.Text size="sm" dimmed>
          Never
        </Plain.Text>
      </Plain.Stack>,
    );
  });

  it('renders Mantine’s badges', () => {
    for (const color of ['teal', 'orange'] as const)
      same(
        <Badge color={color} variant="light">
          Enabled
        </Badge>,
        <Plain.LightBadge color={color}>Enabled</Plain.LightBadge>,
      );
    same(
      <Badge
        component="span"
        ml={6}
        size="xs"
        variant="outline"
        color="gray"
        title="Managed: the organization verified this account's e-mail domain"
      >
        Managed
      </Badge>,
      <Plain.ManagedBadge />,
    );
  });

  it('renders Mantine’s subtle grey ActionIcon, also as a menu’s target', () => {
    const target = { className: '', 'aria-expanded': true, 'data-expanded': true } as const;
    same(
      <ActionIcon variant="subtle" color="gray" aria-label="More actions for Ann" {...target}>
        …
      </ActionIcon>,
      <Plain.SubtleIconButton aria-label="More actions for Ann" {...target}>
        …
      </Plain.SubtleIconButton>,
    );
    same(
      <ActionIcon variant="subtle" color="gray" aria-label="More actions for Ann">
        …
      </ActionIcon>,
      <Plain.SubtleIconButton aria-label="More actions for Ann">…</Plain.SubtleIconButton>,
    );
  });

  it('renders Mantine’s skeleton line', () => {
    same(<Skeleton height={16} radius="sm" />, <Plain.LineSkeleton />);
  });

  it('renders Mantine’s table row and cell, selected and not', () => {
    for (const selected of [false, true])
      expect(
        html(
          <Plain.Tr selected={selected}>
            <Plain.Td data-col="mfa" className="status">
              x
            </Plain.Td>
          </Plain.Tr>,
        ),
      ).toBe(
        html(
          <Table.Tr bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
            <Table.Td data-col="mfa" className="status">
              x
            </Table.Td>
          </Table.Tr>,
        ),
      );
  });
});
