import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../shell/shell.module.css';

/**
 * A page title with its section links (the source's "Click Security" step): links to pages, so a
 * navigation landmark with the current page marked, not an ARIA tab list.
 */
export function PageHeader({
  title,
  subtitle,
  tabs,
  active,
}: {
  title: string;
  subtitle?: string;
  tabs: { label: string; to: string }[];
  active: string;
}) {
  return (
    <Stack gap="xs" mb="lg">
      {/* Focusable by script (a navigation moves focus here), not in the tab order. */}
      <Title order={1} size="h2" tabIndex={-1}>
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      )}
      <nav aria-label={`${title} sections`} className={classes.sections}>
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            className={classes.section}
            aria-current={tab.label === active ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </Stack>
  );
}
