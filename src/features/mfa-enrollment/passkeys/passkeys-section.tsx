import { Suspense, useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/problem';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { mfaStatusQuery } from '../api';
import { passkeysQuery, type Passkey } from './passkey-api';
import { PasskeyList } from './passkey-list';

const addFlow = lazyWithPreload(() => import('./add-passkey-flow').then((m) => m.AddPasskeyFlow));
const rename = lazyWithPreload(() => import('./rename-passkey').then((m) => m.RenamePasskeyModal));
const remove = lazyWithPreload(() => import('./remove-passkey').then((m) => m.RemovePasskeyModal));
const AddPasskeyFlow = addFlow.Component;
const RenamePasskeyModal = rename.Component;
const RemovePasskeyModal = remove.Component;

export function preloadPasskeyDialogs(): Promise<unknown> {
  return Promise.all([addFlow.preload(), rename.preload(), remove.preload()]);
}

type Dialog = { kind: 'add' } | { kind: 'rename' | 'remove'; passkey: Passkey } | null;

/** My profile → Security: passkeys and security keys, beside the authenticator app. */
export function PasskeysSection({
  accountName,
  onAdded,
}: {
  /** The person's e-mail, for the passkey's name; until it is known, Add waits. */
  accountName: string | undefined;
  /** Called when a passkey was added (e.g. to return to a blocked page). */
  onAdded?: () => void;
}) {
  const list = useQuery(passkeysQuery());
  const status = useQuery(mfaStatusQuery());
  const [dialog, setDialog] = useState<Dialog>(null);
  // Decided after the first render: the pre-rendered page knows nothing about the browser.
  const [supported, setSupported] = useState<boolean | null>(null);
  // Inline (not from lib/webauthn-client) so the first page carries no passkey ceremony code.
  useEffect(() => setSupported(typeof window.PublicKeyCredential === 'function'), []);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="passkeys-heading"
      onPointerEnter={() => void preloadPasskeyDialogs()}
      onFocus={() => void preloadPasskeyDialogs()}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="passkeys-heading">
          Passkeys and security keys
        </Title>
        <Text size="sm">
          Sign in with your fingerprint, face, screen lock or a hardware security key instead of a
          code. A passkey works only on this site, so a fake sign-in page cannot steal it.
        </Text>
        {list.isPending && (
          // The space of "No passkeys yet." and Add a passkey, so nothing below moves.
          <Skeleton h={72} radius="sm" role="status" aria-label="Loading your passkeys" />
        )}
        {list.isError && (
          <Alert color="red" role="alert" title="Your passkeys could not be loaded">
            <Stack gap="xs">
              <Text size="sm">{errorMessage(list.error)}</Text>
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
                  Try again
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {notice && (
          <Alert
            color="teal"
            variant="light"
            role="status"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setNotice(null)}
          >
            {notice}
          </Alert>
        )}
        {list.isSuccess && (
          <PasskeyList
            passkeys={list.data}
            onRename={(passkey) => setDialog({ kind: 'rename', passkey })}
            onRemove={(passkey) => setDialog({ kind: 'remove', passkey })}
          />
        )}
        {supported === false && (
          <Alert color="gray" title="This browser cannot create passkeys">
            It does not support passkeys (WebAuthn). Open the Console in a current version of
            Chrome, Edge, Firefox or Safari to add one. You can still set up an authenticator app
            above.
          </Alert>
        )}
        {supported && list.isSuccess && (
          <Group>
            <Button
              variant={list.data.length ? 'default' : 'filled'}
              onClick={() => {
                setNotice(null);
                setDialog({ kind: 'add' });
              }}
            >
              Add a passkey
            </Button>
          </Group>
        )}
      </Stack>
      <Suspense fallback={<Loader size="sm" aria-label="Opening" />}>
        {dialog?.kind === 'add' && accountName !== undefined && (
          <AddPasskeyFlow
            accountName={accountName}
            onClose={close}
            onDone={onAdded}
            onAdded={(name) => setNotice(`Passkey added: ${name}. It can now sign you in.`)}
          />
        )}
        {dialog?.kind === 'rename' && (
          <RenamePasskeyModal passkey={dialog.passkey} onClose={close} />
        )}
        {dialog?.kind === 'remove' && status.data && (
          <RemovePasskeyModal
            passkey={dialog.passkey}
            count={list.data?.length ?? 0}
            status={status.data}
            onClose={close}
            onRemoved={(name) => setNotice(`Passkey removed: ${name}.`)}
          />
        )}
      </Suspense>
    </Card>
  );
}
