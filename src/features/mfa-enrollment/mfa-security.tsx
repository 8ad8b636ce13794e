import { Suspense, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/problem';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { focusedElement, returnFocus } from '@/lib/focus-return';
import { mfaStatusQuery } from './api';
import { MfaEnabledDetails, MfaNotEnabledDetails } from './mfa-status';
import { whenIdle } from '@/lib/when-idle';

// The dialogs (and the QR code inside the setup flow) load on first use: the page itself stays
// small, and their code is fetched while the person reads the status.
const setupFlow = lazyWithPreload(() => import('./setup/setup-flow').then((m) => m.SetupFlow));
const regenerate = lazyWithPreload(() =>
  import('./manage/regenerate-codes').then((m) => m.RegenerateCodesModal),
);
const remove = lazyWithPreload(() =>
  import('./manage/remove-authenticator').then((m) => m.RemoveAuthenticatorModal),
);
const SetupFlow = setupFlow.Component;
const RegenerateCodesModal = regenerate.Component;
const RemoveAuthenticatorModal = remove.Component;

/** Fetch the dialogs' code ahead of use (on hover/focus of their buttons, and in tests). */
export function preloadMfaDialogs(): Promise<unknown> {
  return Promise.all([setupFlow.preload(), regenerate.preload(), remove.preload()]);
}

type Dialog = 'setup' | 'regenerate' | 'remove' | null;

/** My profile → Security: the person's MFA status and every action on it. */
export function MfaSecurity({
  accountName,
  onSetupDone,
  initialDialog = null,
  setupRequest = 0,
}: {
  /** The person's e-mail, for the authenticator entry; until it is known no dialog opens. */
  accountName: string | undefined;
  /** A dialog to open at once (the sign-in's "Regenerate recovery codes"). */
  initialDialog?: Dialog;
  /** Called when the person finishes the setup flow (e.g. to return to a blocked page). */
  onSetupDone?: () => void;
  /** Incremented to open the setup flow from elsewhere on the page (the troubleshooter). */
  setupRequest?: number;
}) {
  const status = useQuery(mfaStatusQuery());
  const [dialog, setDialog] = useState<Dialog>(initialDialog);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (which: Dialog) => {
    opener.current = focusedElement();
    setDialog(which);
  };
  // Focus returns to the button that opened the dialog; when that button is gone (MFA turned on
  // or off), to what replaced it: the new status's first action, else the section's heading.
  useEffect(() => {
    if (setupRequest > 0) open('setup');
    // Only when a new request comes (open() is a new function each render).
  }, [setupRequest]);
  // Once the status is on screen, the code of the dialogs it offers loads (a first click then
  // opens them at once, instead of waiting for a download and its evaluation). The bench counts
  // it apart from the first page's JS ("preloaded after the data showed").
  const offered = !status.data
    ? null
    : !status.data.enabled
      ? 'setup'
      : status.data.method === 'totp'
        ? 'regenerate-remove'
        : 'regenerate-setup';
  useEffect(() => {
    if (!offered) return;
    const load = () => {
      if (offered === 'setup') void setupFlow.preload();
      else
        void Promise.all([
          regenerate.preload(),
          offered === 'regenerate-remove' ? remove.preload() : setupFlow.preload(),
        ]);
    };
    return whenIdle(load);
  }, [offered]);
  const close = () => {
    setDialog(null);
    const section = headingRef.current?.closest('section');
    returnFocus(
      () => (opener.current?.isConnected ? opener.current : null),
      () => section?.querySelector<HTMLElement>('button') ?? null,
      headingRef.current,
    );
  };

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="mfa-heading"
      onPointerEnter={() => void preloadMfaDialogs()}
      onFocus={() => void preloadMfaDialogs()}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="mfa-heading" ref={headingRef} tabIndex={-1}>
          Multi-factor authentication
        </Title>
        {status.isPending && (
          // The space of the usual answer (status, method, codes, actions), so nothing moves.
          <Skeleton
            h={{ base: 199, sm: 132 }}
            radius="sm"
            role="status"
            aria-label="Loading your MFA status"
          />
        )}
        {status.isError && (
          <Alert color="red" role="alert" title="Your MFA status could not be loaded">
            <Stack gap="xs">
              <Text size="sm">{errorMessage(status.error)}</Text>
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => void status.refetch()}>
                  Try again
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {status.isSuccess &&
          (status.data.enabled ? (
            <MfaEnabledDetails
              status={status.data}
              onRegenerate={() => open('regenerate')}
              onRemove={() => open('remove')}
              onSetUp={() => open('setup')}
            />
          ) : (
            <MfaNotEnabledDetails status={status.data} onSetUp={() => open('setup')} />
          ))}
      </Stack>
      <Suspense fallback={<Loader size="sm" aria-label="Opening" />}>
        {accountName !== undefined && dialog === 'setup' && (
          <SetupFlow accountName={accountName} onClose={close} onDone={onSetupDone} />
        )}
        {accountName !== undefined && dialog === 'regenerate' && (
          <RegenerateCodesModal accountName={accountName} onClose={close} status={status.data} />
        )}
        {dialog === 'remove' && status.data && (
          <RemoveAuthenticatorModal status={status.data} onClose={close} />
        )}
      </Suspense>
    </Card>
  );
}
