import { useRef, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { errorMessage, isApiError } from '@/api/problem';
import { RecoveryCodesPanel } from '../manage/recovery-codes-panel';
import { useMutation } from '@tanstack/react-query';
import { registerPasskey } from '@/lib/passkeys';
import { useRefreshAfterPasskey, useRenamePasskey } from './passkey-api';
import type { PasskeyRegistered } from '@/lib/passkeys';
import { PASSKEY_NAME_MAX, passkeyNameProblem } from './passkey-name';
import { browserFailure, wasCancelled } from '@/lib/webauthn-client';
import { DialogFooter } from '@/lib/dialog-footer';

interface Props {
  accountName: string;
  onClose: () => void;
  onDone?: () => void;
  /** Tells the page what was added (shown there, not in a toast). */
  onAdded: (name: string) => void;
}

/**
 * Add a passkey: the choice (what happens next), the browser's prompt, then the name (editable,
 * from the authenticator or the browser) and, when it was the first method, the recovery codes.
 */
function useRegisterPasskey() {
  const refresh = useRefreshAfterPasskey();
  return useMutation({ gcTime: 0, mutationFn: registerPasskey, onSuccess: () => refresh() });
}

export function AddPasskeyFlow({ accountName, onClose, onDone, onAdded }: Props) {
  const register = useRegisterPasskey();
  const rename = useRenamePasskey();
  const [done, setDone] = useState<PasskeyRegistered | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  async function create() {
    setProblem(null);
    try {
      const result = await register.mutateAsync();
      setDone(result);
      setName(result.passkey.name);
    } catch (e) {
      // Cancelled or refused in the browser: back to the choice, nothing was stored.
      if (wasCancelled(e) || !isApiError(e)) setProblem(browserFailure(e));
      else if (isApiError(e, 'session_without_mfa'))
        setProblem(`${errorMessage(e)} Sign out and in again with MFA, then add the passkey.`);
      else setProblem(errorMessage(e));
    }
  }

  async function finish() {
    if (!done) return;
    const trimmed = name.trim();
    if (trimmed !== done.passkey.name) {
      const local = passkeyNameProblem(trimmed);
      if (local) {
        setNameError(local);
        nameRef.current?.focus();
        return;
      }
      try {
        await rename.mutateAsync({ id: done.passkey.id, name: trimmed });
      } catch (e) {
        setNameError(errorMessage(e));
        nameRef.current?.focus();
        return;
      }
    }
    onAdded(trimmed);
    onClose();
    onDone?.();
  }

  const codes = done?.recoveryCodes ?? null;
  const mustSave = codes !== null && !saved;
  return (
    <Modal
      opened
      onClose={mustSave ? () => undefined : onClose}
      withCloseButton={!mustSave}
      closeOnClickOutside={!done}
      closeOnEscape={!mustSave}
      title={done ? 'Passkey added' : 'Add a passkey'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {!done ? (
        <Stack gap="md">
          <Text size="sm">
            Your browser will ask where to keep the passkey: on this device (fingerprint, face or
            screen lock), in your password manager, on your phone, or on a security key. It will
            then ask you to confirm with it.
          </Text>
          <DialogFooter
            problem={problem}
            problemTitle="No passkey was added"
            problemColor="orange"
            onCancel={onClose}
          >
            <Button onClick={() => void create()} loading={register.isPending} data-autofocus>
              Continue
            </Button>
          </DialogFooter>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" role="status">
            The passkey is registered. From now on it can sign you in.
          </Text>
          <TextInput
            ref={nameRef}
            label="Name"
            description={`So you can tell your passkeys apart (at most ${PASSKEY_NAME_MAX} characters).`}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
          />
          {codes && (
            <>
              <Text fw={600} size="sm">
                Save your recovery codes
              </Text>
              <RecoveryCodesPanel
                codes={codes}
                accountName={accountName}
                saved={saved}
                onSavedChange={setSaved}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={() => void finish()} disabled={mustSave} loading={rename.isPending}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
