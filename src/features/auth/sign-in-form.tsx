import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { isApiError, errorMessage } from '@/api/problem';
import { completeMfa, signIn } from './api';
import { MfaCodeStep } from './mfa-code-step';
import { returnFocus } from '@/lib/focus-return';

export interface DemoAccount {
  name: string;
  email: string;
  summary: string;
}

interface Props {
  onSignedIn: () => void;
  /** Listed as one-click sign-ins when the mock backend runs (never in production builds). */
  demo?: { accounts: DemoAccount[]; password: string; note: string };
  notice?: string;
}

export function SignInForm({ onSignedIn, demo, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(nextEmail: string, nextPassword: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn(nextEmail, nextPassword);
      if (result.status === 'mfa_required') setChallengeId(result.challenge.id);
      else onSignedIn();
    } catch (e) {
      setError(
        isApiError(e, 'invalid_credentials') ? 'Incorrect e-mail or password.' : errorMessage(e),
      );
      emailRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(email, password);
  }

  if (challengeId) {
    return (
      <MfaCodeStep
        email={email}
        submit={(proof) => completeMfa(challengeId, proof)}
        onSignedIn={onSignedIn}
        onRestart={(message) => {
          setChallengeId(null);
          setError(message);
          // The code step is replaced by the form: continue on its first field.
          returnFocus(() => emailRef.current);
        }}
      />
    );
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Sign in
      </Title>
      {notice && <Alert color="blue">{notice}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            ref={emailRef}
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {error && (
            <Alert color="red" role="alert" title="Could not sign in">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={pending}>
            Sign in
          </Button>
        </Stack>
      </form>
      {demo && (
        <Stack gap={6} component="section" aria-labelledby="demo-accounts">
          <Text id="demo-accounts" fw={600} size="sm">
            Demo accounts
          </Text>
          <Text size="xs" c="dimmed">
            {demo.note}
          </Text>
          {demo.accounts.map((account) => (
            <Anchor
              key={account.email}
              component="button"
              type="button"
              ta="left"
              onClick={() => {
                setEmail(account.email);
                setPassword(demo.password);
                void submit(account.email, demo.password);
              }}
            >
              <Text span fw={500}>
                Continue as {account.name}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                {account.email} · {account.summary}
              </Text>
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
