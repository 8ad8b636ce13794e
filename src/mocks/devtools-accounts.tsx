import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { clock, db } from './db';
import { resetAndPersist } from './browser';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed';
import { totpFor } from './totp';

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

/** Dev tools → Accounts: the demo accounts, one-click sign-in, and a reset of the demo data. */
export function Accounts() {
  return (
    <Stack>
      <Text size="sm">
        Password for every account: <Code>{DEMO_PASSWORD}</Code>. Signing in here still goes through
        the MFA step, using the live code.
      </Text>
      {DEMO_ACCOUNTS.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {a.name}
            </Text>
            <Text size="xs" c="dimmed">
              {a.email} · {a.summary}
            </Text>
          </div>
          {/* Never squeezed by a long summary ("Sign i"); named with whom it signs in as. */}
          <Button
            size="xs"
            variant="light"
            style={{ flexShrink: 0 }}
            aria-label={`Sign in as ${a.name}`}
            onClick={() => void signInAs(a.email, a.id)}
          >
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
