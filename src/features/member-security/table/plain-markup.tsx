// The styles of the markup below (the modules that render it import no Mantine component).
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Skeleton.css';
import type { CSSProperties, ReactNode } from 'react';

/**
 * What Mantine's Text, Stack, Badge, Skeleton and Table.Tr/Td render for a row of the user list
 * (Checkbox and ActionIcon: plain-controls.tsx), as plain elements with the same classes,
 * attributes and style variables (with this app's theme). 25 rows of ~20 of those components,
 * each with its props, styles and context hooks, were a large part of the list's render; this
 * markup is the same on screen and costs a fraction. tests/unit/plain-markup.test.tsx renders
 * each beside the Mantine component it stands for and compares the markup.
 */

export const scale = (rem: number) => `calc(${rem}rem * var(--mantine-scale))`;

export function Tr({
  selected,
  children,
  ...aria
}: {
  selected: boolean;
  children: ReactNode;
  'aria-hidden'?: 'true';
}) {
  return (
    <tr
      {...aria}
      className="m_4e7aa4fd mantine-Table-tr"
      data-with-row-border="true"
      data-hover="true"
      style={selected ? { background: 'var(--mantine-primary-color-light)' } : undefined}
    >
      {children}
    </tr>
  );
}

export function Td({
  className,
  children,
  ...data
}: {
  className?: string;
  children: ReactNode;
  'data-col'?: string;
  'data-label'?: string;
}) {
  return (
    <td className={`m_4e7aa4ef mantine-Table-td${className ? ` ${className}` : ''}`} {...data}>
      {children}
    </td>
  );
}

export function Stack({
  gap,
  align = 'stretch',
  style,
  children,
}: {
  /** In rem. */
  gap: number;
  align?: 'stretch' | 'flex-start';
  style?: CSSProperties;
  children: ReactNode;
}) {
  const vars = {
    '--stack-gap': gap === 0 ? '0rem' : scale(gap),
    '--stack-align': align,
    '--stack-justify': 'flex-start',
    ...style,
  } as CSSProperties;
  return (
    <div className="m_6d731127 mantine-Stack-root" style={vars}>
      {children}
    </div>
  );
}

export function Text({
  size,
  dimmed = false,
  style,
  id,
  children,
}: {
  size: 'xs' | 'sm';
  dimmed?: boolean;
  style?: CSSProperties;
  id?: string;
  children: ReactNode;
}) {
  const vars = {
    '--text-fz': `var(--mantine-font-size-${size})`,
    '--text-lh': `var(--mantine-line-height-${size})`,
    ...style,
    ...(dimmed ? { color: 'var(--mantine-color-dimmed)' } : {}),
  } as CSSProperties;
  return (
    <p
      className="mantine-focus-auto m_b6d8b162 mantine-Text-root"
      data-size={size}
      style={vars}
      id={id}
    >
      {children}
    </p>
  );
}

const LIGHT_BADGE = (color: 'teal' | 'orange') =>
  ({
    '--badge-bg': `var(--mantine-color-${color}-light)`,
    '--badge-color': `var(--mantine-color-${color}-light-color)`,
    '--badge-bd': `${scale(0.0625)} solid transparent`,
  }) as CSSProperties;
const BADGE_STYLE = { teal: LIGHT_BADGE('teal'), orange: LIGHT_BADGE('orange') };

/** A `variant="light"` Badge of the default size. */
export function LightBadge({ color, children }: { color: 'teal' | 'orange'; children: ReactNode }) {
  return (
    <div className="m_347db0ec mantine-Badge-root" data-variant="light" style={BADGE_STYLE[color]}>
      <span className="m_5add502a mantine-Badge-label">{children}</span>
    </div>
  );
}

const MANAGED_STYLE = {
  '--badge-height': 'var(--badge-height-xs)',
  '--badge-padding-x': 'var(--badge-padding-x-xs)',
  '--badge-fz': 'var(--badge-fz-xs)',
  '--badge-bg': 'transparent',
  '--badge-color': 'var(--mantine-color-gray-outline)',
  '--badge-bd': `${scale(0.0625)} solid var(--mantine-color-gray-outline)`,
  marginLeft: scale(0.375),
} as CSSProperties;

/** `<Badge component="span" ml={6} size="xs" variant="outline" color="gray">Managed</Badge>`. */
export function ManagedBadge() {
  return (
    <span
      className="m_347db0ec mantine-Badge-root"
      data-variant="outline"
      data-size="xs"
      title="Managed: the organization verified this account's e-mail domain"
      style={MANAGED_STYLE}
    >
      <span className="m_5add502a mantine-Badge-label">Managed</span>
    </span>
  );
}

const SKELETON_16 = {
  '--skeleton-height': scale(1),
  '--skeleton-radius': 'var(--mantine-radius-sm)',
} as CSSProperties;

/** `<Skeleton height={16} radius="sm" />` (the list's loading rows: 60 of them). */
export function LineSkeleton() {
  return (
    <div
      className="m_18320242 mantine-Skeleton-root"
      data-visible="true"
      data-animate="true"
      style={SKELETON_16}
    />
  );
}
