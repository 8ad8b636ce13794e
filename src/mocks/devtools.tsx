import { useEffect, useState } from 'react';
import {
  Affix,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  NumberInput,
  ScrollArea,
  Slider,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { clock, config, db } from './db';
import { liveCodes, updateConfig } from './control';
import { resetAndPersist } from './browser';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seededRecoveryCodes } from './seed';
import { totpFor } from './totp';
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

async function post(path: string, body: unknown) {
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Signs in through the real API; for MFA accounts it types the live code, as a person would. */
async function signInAs(email: string, id: string) {
  await fetch('/api/session', { method: 'DELETE' });
  const first = await post('/auth/sign-in', { email, password: DEMO_PASSWORD });
  if (first.json.status === 'mfa_required') {
    const secret = db.users.get(id)?.mfa?.secret;
    const challenge = first.json.challenge as { id: string };
    if (!secret) return;
    for (const offset of [0, 1]) {
      const code = totpFor(secret).generate({ timestamp: clock.now() + offset * 30_000 });
      const done = await post('/auth/mfa', { challengeId: challenge.id, code });
      if (done.status === 200) break;
    }
  }
  window.location.assign('/profile/security');
}

function Accounts() {
  return (
    <Stack>
      <Text size="sm">
        Password for every account: <Code>{DEMO_PASSWORD}</Code>. Signing in here still goes through
        the MFA step, using the live code.
      </Text>
      {DEMO_ACCOUNTS.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm" fw={500}>
              {a.name}
            </Text>
            <Text size="xs" c="dimmed">
              {a.email} · {a.summary}
            </Text>
          </div>
          <Button size="xs" variant="light" onClick={() => void signInAs(a.email, a.id)}>
            Sign in
          </Button>
        </Group>
      ))}
      <Title order={3} size="h5" mt="md">
        Demo data
      </Title>
      <Text size="sm">
        The mock keeps its state across reloads (IndexedDB). Reset restores the seeded world and
        signs you out.
      </Text>
      <Button
        color="red"
        variant="light"
        onClick={() => void resetAndPersist().then(() => window.location.assign('/sign-in'))}
      >
        Reset demo data
      </Button>
    </Stack>
  );
}

function useTick(ms: number) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
}

function LiveCodes() {
  useTick(1000);
  const codes = liveCodes();
  return (
    <Stack>
      {codes.length === 0 && <Text size="sm">No demo account has MFA right now.</Text>}
      {codes.map((c) => (
        <Group key={c.email} justify="space-between">
          <div>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {c.email}
            </Text>
          </div>
          <Group gap="xs">
            <Code fz="lg">{c.code}</Code>
            <Badge variant="light">{c.secondsLeft}s</Badge>
          </Group>
        </Group>
      ))}
      <Title order={3} size="h5" mt="md">
        Seeded recovery codes
      </Title>
      {DEMO_ACCOUNTS.filter((a) => a.secret).map((a) => (
        <Text key={a.id} size="xs">
          {a.name}: <Code>{seededRecoveryCodes(a.id).slice(0, 3).join(', ')}</Code> …
        </Text>
      ))}
    </Stack>
  );
}

function Outbox() {
  useTick(2000);
  const mails = db.outbox.slice(-100).reverse();
  return (
    <Stack>
      <Text size="sm">
        {db.outbox.length} e-mails sent{db.outbox.length > 100 ? ' (latest 100 shown)' : ''}.
      </Text>
      <ScrollArea h={520}>
        <Stack gap="sm">
          {mails.map((m) => (
            <Stack
              key={m.id}
              gap={2}
              p="xs"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
            >
              <Text size="xs" c="dimmed">
                {new Date(m.sentAt).toLocaleString()} · to {m.to}
              </Text>
              <Text size="sm" fw={600}>
                {m.subject}
              </Text>
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {m.text}
              </Text>
            </Stack>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}

function Network() {
  const [latency, setLatency] = useState(config.latencyMs);
  const [failure, setFailure] = useState(config.failureRate * 100);
  return (
    <Stack>
      <NumberInput
        label="Latency added to every API call (ms)"
        min={0}
        max={10000}
        step={100}
        value={latency}
        onChange={(v) => {
          const n = Number(v) || 0;
          setLatency(n);
          updateConfig({ latencyMs: n });
        }}
      />
      <Text size="sm">Failure rate: {failure}% of API calls answer 500</Text>
      <Slider
        aria-label="Failure rate"
        min={0}
        max={100}
        step={5}
        value={failure}
        onChange={(v) => {
          setFailure(v);
          updateConfig({ failureRate: v / 100 });
        }}
      />
    </Stack>
  );
}
