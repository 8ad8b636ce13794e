import { use, useRef, useState, type FormEvent } from 'react';
import { queryKeys } from '@/api/query-keys';
import { Alert, Button, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { errorMessage, isApiError } from '@/api/problem';
import type { Member } from '../api';
import { displayName } from '@/lib/display-name';
import { REASON_MAX, resetMfa, type MfaResetRequest } from './reset-api';
import { StepUpContext } from './step-up-slot';
import { DialogFooter } from '@/lib/dialog-footer';

interface Props {
  orgSlug: string;
  orgName: string;
  member: Member;
  onClose: () => void;
  onDone: (result: MfaResetRequest) => void;
}

/** More → Reset MFA… of a managed account: what is deleted, what follows, a reason, the e-mail. */
export function ResetMfaDialog({ orgSlug, orgName, member, onClose, onDone }: Props) {
  const name = displayName(member);
  const stepUp = use(StepUpContext);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; email?: string }>({});
  // One key per body: a double submit (or a retry after step-up) is one reset, one notice; a
  // corrected reason or e-mail is a new request.
  const sent = useRef<{ body: string; key: string } | null>(null);
  const reset = useMutation({
    mutationFn: () => {
      const body = { reason: reason.trim(), email };
      const text = JSON.stringify(body);
      if (sent.current?.body !== text) sent.current = { body: text, key: idempotencyKey() };
      return resetMfa(orgSlug, member.id, body, sent.current.key);
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) });
      onDone(result);
    },
  });
  const needsStepUp = reset.isError && isApiError(reset.error, 'step_up_required');

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!reason.trim()) next.reason = 'Give a reason for the reset.';
    else if (reason.trim().length > REASON_MAX)
      next.reason = `At most ${REASON_MAX} characters (now ${reason.trim().length}).`;
    if (email.trim().toLowerCase() !== member.email.toLowerCase())
      next.email = `Type ${member.email} exactly to confirm.`;
    setErrors(next);
    if (Object.keys(next).length === 0) reset.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Reset MFA of ${name}`}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            This deletes every sign-in method of{' '}
            <Text span fw={600}>
              {name}
            </Text>{' '}
            ({member.email}): their authenticator app, passkeys and all recovery codes.
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>Their sessions end at once.</List.Item>
            <List.Item>They set up MFA again at their next sign-in.</List.Item>
            <List.Item>
              Where MFA is required, they are blocked until they have set it up.
            </List.Item>
            <List.Item>They get an e-mail saying who reset it, when and why.</List.Item>
          </List>
          <Text size="xs" c="dimmed">
            Only accounts {orgName} manages can be reset: those whose e-mail domain the organization
            verified. Another organization may rely on the MFA of any other account, so resetting it
            from here would weaken their security too. With two or more owners and admins with MFA,
            another one must approve the reset within 24 hours.
          </Text>
          <Textarea
            label="Reason"
            description={`Shown to ${name} and in the security events. ${reason.length}/${REASON_MAX} characters.`}
            required
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <TextInput
            label={`Type ${member.email} to confirm`}
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <DialogFooter
            problem={reset.isError && !needsStepUp ? errorMessage(reset.error) : undefined}
            problemTitle="MFA was not reset"
            onCancel={onClose}
          >
            <Button type="submit" color="red.9" loading={reset.isPending}>
              Reset MFA
            </Button>
          </DialogFooter>
        </Stack>
      </form>
      {/* Outside the form: the step-up dialog's own form must not submit this one. */}
      {needsStepUp && (
        <Alert color="blue" title="Confirm it's you first" mt="sm">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(reset.error)}</Text>
            {stepUp?.button(() => reset.mutate())}
          </Stack>
        </Alert>
      )}
    </Modal>
  );
}
