import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isApiError, errorMessage } from '@/api/problem';
import { signInWithPasskey } from '@/lib/passkeys';
import { browserFailure, passkeysSupported } from '@/lib/webauthn-client';
import { completeMfa, signIn } from './api';
import { MfaCodeStep } from './mfa-code-step';
import { returnFocus } from '@/lib/focus-return';

/** Where a sign-in after an organization's MFA reset leads: setup, opened at once. */
export const SETUP_AFTER_RESET_PATH = '/profile/security?setup=reset';

export interface DemoAccount {
  name: string;
  email: string;
  summary: string;
}

interface Props {
  /** `next`: where to go instead of the page the person was opening. */
  onSignedIn: (next?: string) => void;
  /** Listed as one-click sign-ins when the mock backend runs (never in production builds). */
  demo?: { accounts: DemoAccount[]; password: string; note: string };
  notice?: string;
}

export function SignInForm({ onSignedIn, demo, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signOutOthers, setSignOutOthers] = useState(false);
  const [challenge, setChallenge] = useState<{ id: string; methods: string[] } | null>(null);
  const [passkeys, setPasskeys] = useState(false);
  const [passkeyPending, setPasskeyPending] = useState(false);
  useEffect(() => setPasskeys(passkeysSupported()), []);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(nextEmail: string, nextPassword: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn(nextEmail, nextPassword, signOutOthers);
      if (result.status === 'mfa_required') setChallenge(result.challenge);
      // An organization reset this person's MFA: set it up again first.
      else onSignedIn(result.mfaSetupRequired ? SETUP_AFTER_RESET_PATH : undefined);
    } catch (e) {
      setError(
        isApiError(e, 'invalid_credentials') ? 'Incorrect e-mail or password.' : errorMessage(e),
      );
      emailRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  /** A discoverable passkey with user verification: no password, multi-factor by itself. */
  async function withPasskey() {
    setPasskeyPending(true);
    setError(null);
    try {
      await signInWithPasskey();
      onSignedIn();
    } catch (e) {
      setError(isApiError(e) ? errorMessage(e) : browserFailure(e));
    } finally {
      setPasskeyPending(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(email, password);
  }

  if (challenge) {
    const challengeId = challenge.id;
    return (
      <MfaCodeStep
        email={email}
        methods={challenge.methods}
        submitPasskey={() => signInWithPasskey(challengeId)}
        submit={(proof) => completeMfa(challengeId, proof)}
        onSignedIn={onSignedIn}
        onRestart={(message) => {
          setChallenge(null);
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
            label="E-mail"
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
          <Checkbox
            label="Sign out of my other sessions"
            description="Ends this account's sessions on other devices and browsers."
            checked={signOutOthers}
            onChange={(e) => setSignOutOthers(e.currentTarget.checked)}
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
      {passkeys && (
        <>
          <Divider label="or" labelPosition="center" />
          <Button variant="default" onClick={() => void withPasskey()} loading={passkeyPending}>
            Sign in with a passkey
          </Button>
        </>
      )}
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
