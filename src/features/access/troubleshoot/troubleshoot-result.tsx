import { Alert, Code, List, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { components } from '@/api/schema';
import { cliCommand } from '@/lib/brand';
import { MethodFix, RefreshCredentials } from './method-fix';
import { MissingMethodList } from '../missing-methods';
import { parseAccessError, type ParsedAccessError } from './parse-access-error';

/** Mantine's yellow and orange alert titles fall below AA contrast; use the text colour. */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

type Me = components['schemas']['CurrentUser'];

function NoAccessHelp({ parsed, me }: { parsed: ParsedAccessError; me?: Me }) {
  return (
    <Alert
      color="yellow"
      title="An access problem, without a named requirement"
      styles={READABLE_TITLE}
    >
      <Stack gap="xs">
        <Text size="sm">
          This message does not say which sign-in method is missing. It appears when the service
          name is wrong or the environment no longer exists, when your account has no access to the
          project, or, in an organization that enforces MFA, when your account has no MFA yet.
        </Text>
        <List size="sm" spacing={4}>
          {me && !me.mfa.enabled && (
            <List.Item>
              Your account has no MFA. If the organization requires it, set it up first.
            </List.Item>
          )}
          <List.Item>
            Check the service name{parsed.service ? ` (${parsed.service})` : ''}.
          </List.Item>
          <List.Item>
            Check that the user shown is the account you expect; if not, sign in again with{' '}
            <Code>{cliCommand('login -f')}</Code>.
          </List.Item>
          <List.Item>Ask a project admin to check that you have access to the project.</List.Item>
        </List>
      </Stack>
    </Alert>
  );
}

function Result({
  parsed,
  me,
  onSetUpMfa,
}: {
  parsed: ParsedAccessError;
  me?: Me;
  onSetUpMfa?: () => void;
}) {
  // The same person may appear under another id in CLI output; only a different name and id count.
  const otherPerson =
    me &&
    parsed.user &&
    parsed.user.id !== me.id &&
    parsed.user.name !== me.name &&
    parsed.user.name !== me.email;
  return (
    <Stack gap="sm" role="region" aria-label="What this error means">
      <Paper withBorder p="sm" radius="md">
        <Stack gap={2}>
          <Text size="sm">
            <strong>Service:</strong> {parsed.service ?? 'not in the text'}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <strong>User:</strong>{' '}
            {parsed.user
              ? `${parsed.user.name}${parsed.user.id ? ` (${parsed.user.id})` : ''}`
              : 'not in the text'}
          </Text>
        </Stack>
      </Paper>
      {otherPerson && (
        <Alert color="orange">
          This error names {parsed.user?.name}, not the account signed in here (
          {me.name ?? me.email}
          ). The fixes below apply to the account that got the error.
        </Alert>
      )}
      {parsed.unrecognised > 0 && (
        <Alert color="orange" title="A requirement this page cannot read">
          The error also names{' '}
          {parsed.unrecognised === 1 ? 'one requirement' : `${parsed.unrecognised} requirements`}{' '}
          that is not a sign-in method this page knows. Ask an owner or admin of the organization
          what it needs.
        </Alert>
      )}
      {parsed.kind === 'missing_methods' ? (
        <>
          <Text fw={600}>Additional authentication is required:</Text>
          <MissingMethodList
            methods={parsed.required}
            renderFix={(method) => <MethodFix method={method} me={me} onSetUpMfa={onSetUpMfa} />}
          />
          <RefreshCredentials />
        </>
      ) : (
        <NoAccessHelp parsed={parsed} me={me} />
      )}
    </Stack>
  );
}

/** What the pasted text means: the requirement and its fix, or why it cannot be read. */
export function TroubleshootOutcome({
  text,
  me,
  onSetUpMfa,
}: {
  text: string;
  me?: Me;
  onSetUpMfa?: () => void;
}) {
  const parsed = useMemo(() => parseAccessError(text), [text]);
  return parsed ? (
    <Result parsed={parsed} me={me} onSetUpMfa={onSetUpMfa} />
  ) : (
    <Alert color="gray" title="This doesn't look like an access error">
      Paste the whole message from your terminal, starting at the line that begins with "Error:" and
      including the Service, User, Parameters and Detail lines when there are any.
    </Alert>
  );
}
