import { Stack, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A page title with its tab row (the source's "Click Security" step). */
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
      <Title order={1} size="h2">
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      )}
      <Tabs value={active} aria-label={`${title} sections`}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab.to}
              value={tab.label}
              renderRoot={(props) => <Link {...props} to={tab.to} />}
            >
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Stack>
  );
}
