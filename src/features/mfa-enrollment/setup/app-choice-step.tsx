import { List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AUTHENTICATOR_APPS, phoneSteps } from './authenticator-apps';
import { ON_PHONE } from './scan-step';
import { StepHeading } from './step-heading';

export function AppChoiceStep({
  appId,
  onChange,
}: {
  appId: string;
  onChange: (id: string) => void;
}) {
  const app = AUTHENTICATOR_APPS.find((a) => a.id === appId) ?? AUTHENTICATOR_APPS[0];
  const onPhone = useMediaQuery(ON_PHONE) ?? false;
  return (
    <Stack gap="md">
      <StepHeading>Choose your authenticator app</StepHeading>
      <Text size="sm" c="dimmed">
        The app on your phone or computer shows a new 6-digit code every 30 seconds. You will need a
        code each time you sign in.
      </Text>
      <Radio.Group value={appId} onChange={onChange} label="Authenticator app">
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
          {AUTHENTICATOR_APPS.map((a) => (
            <Radio key={a.id} value={a.id} label={a.name} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {app && (
        <Stack gap={4} aria-live="polite">
          <Text fw={600} size="sm">
            In {app.name}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            {(onPhone ? phoneSteps(app) : app.steps).map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
