import { useEffect, useRef, useState } from 'react';
import { Alert, Code, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { orgListQuery } from '@/api/queries';
import { cliCommand } from '@/lib/brand';
import { describeMethod } from '@/features/access/methods';

/** Navigation state set by My profile → Security when setup finishes with a way back. */
export interface AfterSetupState {
  afterSetup: true;
}

const isAfterSetup = (state: unknown): state is AfterSetupState =>
  typeof state === 'object' && state !== null && (state as AfterSetupState).afterSetup === true;

/**
 * Back on the page that was blocked, after setting up MFA: "Access restored", or what this
 * session still lacks (single sign-on, say), from the server's fresh answer. It takes focus, so
 * a keyboard or screen reader user hears the outcome first.
 */
export function AfterSetupNotice({ orgSlug }: { orgSlug: string }) {
  const location = useLocation();
  const show = isAfterSetup(location.state);
  const orgs = useQuery({ ...orgListQuery(), enabled: show, refetchOnMount: 'always' });
  const [dismissed, setDismissed] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const org = orgs.isFetching ? undefined : orgs.data?.find((o) => o.slug === orgSlug);
  const ready = show && org !== undefined;
  useEffect(() => {
    if (ready) ref.current?.focus();
  }, [ready]);
  if (!ready || dismissed) return null;
  const close = {
    withCloseButton: true,
    closeButtonLabel: 'Dismiss',
    onClose: () => setDismissed(true),
  };
  if (org.access.granted) {
    return (
      <Alert ref={ref} tabIndex={-1} role="status" color="teal" title="Access restored" {...close}>
        <Text size="sm">
          MFA is set up and this session counts as signed in with it: {org.name} is open to you
          again. For Git and SSH, run <Code>{cliCommand('login -f')}</Code> once.
        </Text>
      </Alert>
    );
  }
  const missing = org.access.missing.map((amr) => describeMethod(amr).label);
  return (
    <Alert ref={ref} tabIndex={-1} role="status" color="blue" title="MFA is set up" {...close}>
      <Text size="sm">
        {org.name} also requires: {missing.join(', ')}. Use the button below for it; then the page
        opens.
      </Text>
    </Alert>
  );
}
