import { Affix, Button, Drawer, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Accounts } from './devtools-accounts';
import { LiveCodes } from './devtools-codes';
import { Outbox } from './devtools-outbox';
import { Network } from './devtools-network';
import { AdvanceTime } from './devtools-time';

/** Development tools (mock mode only; main.tsx loads this file only when mocks run). */
export function DevTools() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Affix position={{ bottom: 16, left: 16 }} zIndex={150}>
        <Button size="xs" variant="filled" color="grape" onClick={open}>
          Dev tools
        </Button>
      </Affix>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title="Development tools (mock backend)"
        closeButtonProps={{ 'aria-label': 'Close development tools' }}
      >
        <Tabs defaultValue="accounts" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="accounts">Accounts</Tabs.Tab>
            <Tabs.Tab value="codes">Live codes</Tabs.Tab>
            <Tabs.Tab value="outbox">Outbox</Tabs.Tab>
            <Tabs.Tab value="network">Network</Tabs.Tab>
            <Tabs.Tab value="time">Time</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="accounts" pt="md">
            <Accounts />
          </Tabs.Panel>
          <Tabs.Panel value="codes" pt="md">
            <LiveCodes />
          </Tabs.Panel>
          <Tabs.Panel value="outbox" pt="md">
            <Outbox />
          </Tabs.Panel>
          <Tabs.Panel value="network" pt="md">
            <Network />
          </Tabs.Panel>
          <Tabs.Panel value="time" pt="md">
            <AdvanceTime />
          </Tabs.Panel>
        </Tabs>
      </Drawer>
    </>
  );
}
