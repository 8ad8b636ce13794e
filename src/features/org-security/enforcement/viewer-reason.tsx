import type { ReactNode } from 'react';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OrgSecurity } from '../api';

/** Why the viewer cannot change the setting, and how to become able to (when they can). */
export function ViewerReason({
  security,
  setUpMfaPath,
  stepUp,
}: {
  security: OrgSecurity;
  setUpMfaPath: string;
  stepUp?: ReactNode;
}) {
  const { reason } = security.viewer;
  if (reason === null) return null;
  if (reason === 'forbidden_role')
    return <Text size="sm">Only owners and admins can change this.</Text>;
  const profileLink = (
    <Anchor component={Link} to={setUpMfaPath} size="sm" c="inherit" fw={600} underline="always">
      My profile → Security
    </Anchor>
  );
  return (
    <Alert color="blue" variant="light" title="You can't change this yet">
      <Stack gap="xs" align="flex-start">
        {reason === 'mfa_not_enabled' ? (
          <Text size="sm">
            Set up MFA for your own account first, in {profileLink}. Only then can you require it
            for everyone.
          </Text>
        ) : (
          <>
            <Text size="sm">
              You signed in without MFA this time. Confirm it&apos;s you with a code from your
              authenticator app (or manage MFA in {profileLink}).
            </Text>
            {stepUp}
          </>
        )}
      </Stack>
    </Alert>
  );
}
