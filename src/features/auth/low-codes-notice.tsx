import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';

/** At 3 or fewer recovery codes left, the sign-in that used one says so. */
export const LOW_RECOVERY_CODES = 3;

/** Where "Regenerate recovery codes" leads: My profile → Security with the dialog open. */
export const REGENERATE_PATH = '/profile/security?regenerate=1';

/** `recoveryCodesRemaining` of a sign-in answer, when a recovery code signed the person in. */
export function recoveryCodesLeft(result: unknown): number | null {
  if (typeof result !== 'object' || result === null) return null;
  const left = (result as { recoveryCodesRemaining?: unknown }).recoveryCodesRemaining;
  return typeof left === 'number' ? left : null;
}

interface Props {
  left: number;
  onRegenerate: () => void;
  onContinue: () => void;
}

/** Shown after a recovery code signed the person in and few are left. */
export function LowCodesNotice({ left, onRegenerate, onContinue }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap="md">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
        {left === 0 ? 'No recovery codes left' : 'Few recovery codes left'}
      </Title>
      <Alert color="yellow" role="status">
        You signed in with a recovery code.{' '}
        {left === 0
          ? 'You have none left: if you lose your authenticator app you cannot sign in.'
          : `Only ${left} recovery ${left === 1 ? 'code is' : 'codes are'} left.`}{' '}
        Regenerate them now and keep the new ones somewhere safe.
      </Alert>
      <Group>
        <Button onClick={onRegenerate}>Regenerate recovery codes</Button>
        <Button variant="default" onClick={onContinue}>
          Continue
        </Button>
      </Group>
    </Stack>
  );
}
