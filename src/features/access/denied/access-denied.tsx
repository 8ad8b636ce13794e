import { Alert, Button, Code, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { cliCommand } from '@/lib/brand';
import { errorMessage, type AccessDeniedProblem, type ApiError } from '@/api/problem';
import { signInWithSso } from '../api';
import { sessionChanged } from '@/api/queries';
import type { RequiredMethod } from '../methods';
import { MissingMethodList } from '../missing-methods';
import { StepUpButton } from './step-up-dialog';

export type AccessDeniedError = ApiError & { problem: AccessDeniedProblem };

/** Where "Set up MFA" sends the person: My profile → Security, and back here afterwards. */
export function setUpMfaPath(returnTo: string): string {
  return `/profile/security?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Where "Add a passkey" sends the person: the same page, asking for a passkey. */
export function addPasskeyPath(returnTo: string): string {
  return `${setUpMfaPath(returnTo)}&need=passkey`;
}

function SsoButton({ provider, onDone }: { provider: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const sso = useMutation({
    mutationFn: () => signInWithSso(provider),
    onSuccess: async () => {
      await sessionChanged(queryClient);
      onDone();
    },
  });
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="light" loading={sso.isPending} onClick={() => sso.mutate()}>
        Sign in with {provider}
      </Button>
      {sso.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(sso.error)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Renders any access-denied problem (403 `additional_authentication_required`): what the
 * organization requires that this session lacks, one line per method, each with its fix.
 */
export function AccessDenied({
  error,
  onResolved,
  orgName,
  returnTo,
  headingOrder = 1,
}: {
  error: AccessDeniedError;
  onResolved: () => void;
  orgName?: string;
  /** The page to come back to after setting up MFA; defaults to the current one. */
  returnTo?: string;
  headingOrder?: 1 | 2 | 3;
}) {
  const location = useLocation();
  const { parameters, user, service } = error.problem;
  const missing =
    parameters.missing && parameters.missing.length > 0 ? parameters.missing : parameters.amr;
  const org = orgName ?? parameters.organization ?? 'This organization';
  const back = returnTo ?? `${location.pathname}${location.search}`;

  const renderFix = (method: RequiredMethod) => {
    if (method.kind === 'mfa') {
      return parameters.mfaEnabled ? (
        <StepUpButton onDone={onResolved} />
      ) : (
        <Button component={Link} to={setUpMfaPath(back)}>
          Set up MFA
        </Button>
      );
    }
    if (method.kind === 'hwk') {
      return parameters.passkeyEnabled ? (
        <StepUpButton onDone={onResolved} label="Confirm with a passkey" />
      ) : (
        <Button component={Link} to={addPasskeyPath(back)}>
          Add a passkey
        </Button>
      );
    }
    if (method.kind === 'sso') return <SsoButton provider={method.provider} onDone={onResolved} />;
    return (
      <Text size="sm" c="dimmed">
        Ask an owner of {org} how to sign in.
      </Text>
    );
  };

  return (
    <Stack gap="md" maw={760} role="region" aria-label="Access denied">
      <Title order={headingOrder} size="h2">
        Access denied
      </Title>
      <Text>
        {org} requires additional authentication. Until this session meets it, you cannot use its
        Console pages, Git, SSH or API.
      </Text>
      <MissingMethodList methods={missing} renderFix={renderFix} />
      {parameters.mfaEnabled === false && missing.includes('mfa') && (
        <Text size="sm" c="dimmed">
          After setting up MFA you come back here. Then run <Code>{cliCommand('login -f')}</Code> so
          Git and SSH work again too.
        </Text>
      )}
      <Alert variant="light" color="gray" role="note">
        <Text size="sm">
          Signed in as {user.name ?? user.email}
          {user.name ? ` (${user.email})` : ''}. Service: {service}. Your other organizations are
          not affected: switch to one with the organization menu.
        </Text>
      </Alert>
    </Stack>
  );
}
