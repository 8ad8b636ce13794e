import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '@/api/problem';
import { type MemberSummary } from '../api';
import { memberSummaryQuery } from '@/api/queries';
import { Deferred } from '@/lib/deferred';
import { plural } from '../format';
import { formatCount } from '@/lib/format';
import { DialogFooter } from '@/lib/dialog-footer';

function Impact({
  summary,
  orgName,
  onShowWho,
}: {
  summary: MemberSummary;
  orgName: string;
  onShowWho: () => void;
}) {
  const { withoutMfa, total, withoutMfaByRole: by } = summary;
  if (withoutMfa === 0) {
    return <Text>Everyone in {orgName} already has MFA. Nobody loses access.</Text>;
  }
  return (
    <Stack gap="xs">
      <Text>
        <strong>
          {formatCount(withoutMfa)} of {plural(total, 'user')}
        </strong>{' '}
        {withoutMfa === 1 ? 'has' : 'have'} no MFA:
      </Text>
      <List size="sm" spacing={2} aria-label="Users without MFA by role">
        {by.owner > 0 && <List.Item>{plural(by.owner, 'owner')}</List.Item>}
        {by.admin > 0 && <List.Item>{plural(by.admin, 'admin')}</List.Item>}
        {by.member > 0 && <List.Item>{plural(by.member, 'member')}</List.Item>}
      </List>
      <Anchor component="button" type="button" size="sm" ta="left" onClick={onShowWho}>
        See who they are (the user list below, filtered to MFA not enabled)
      </Anchor>
      <Text>
        They lose access to {orgName}&apos;s Console, Git, SSH and API at once, until they set up
        MFA.
      </Text>
    </Stack>
  );
}

/**
 * Confirms a change of "MFA required". Turning it on first shows who is affected (fresh from the
 * server) and offers to remind them in the same step; nothing changes before "Require MFA".
 */
export function EnforcementDialog({
  orgSlug,
  orgName,
  enable,
  saving,
  errorText,
  onConfirm,
  onClose,
  onShowWho,
}: {
  orgSlug: string;
  orgName: string;
  enable: boolean;
  saving: boolean;
  errorText: string | null;
  onConfirm: (options: { remind: boolean }) => void;
  onClose: () => void;
  /** "See who they are": the dialog closes and the list shows them. */
  onShowWho: () => void;
}) {
  const summary = useQuery({ ...memberSummaryQuery(orgSlug), enabled: enable });
  const [, setParams] = useSearchParams();
  // Knowing beforehand whom it will block: the list below shows exactly those people.
  const showWho = () => {
    onShowWho();
    setParams((params) => {
      params.set('mfa', 'disabled');
      params.delete('page');
      return params;
    });
  };
  const [remind, setRemind] = useState(true);
  const nobodyToRemind = summary.data?.withoutMfa === 0;
  const ready = !enable || summary.isSuccess;

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!saving}
      closeOnClickOutside={!saving}
      withCloseButton={!saving}
      title={enable ? `Require MFA for ${orgName}?` : `Stop requiring MFA for ${orgName}?`}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Deferred fallback={<Loader size="sm" aria-label="Loading" />}>
        <Stack gap="md">
          {enable ? (
            <>
              {summary.isPending && (
                <Group gap="xs" role="status">
                  <Loader size="sm" />
                  <Text size="sm">Checking who would be affected…</Text>
                </Group>
              )}
              {summary.isError && (
                <Alert color="red" title="Could not check who would be affected">
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{errorMessage(summary.error)}</Text>
                    <Button size="xs" variant="light" onClick={() => void summary.refetch()}>
                      Try again
                    </Button>
                  </Stack>
                </Alert>
              )}
              {summary.isSuccess && (
                <Impact summary={summary.data} orgName={orgName} onShowWho={showWho} />
              )}
              <Text size="sm" c="dimmed">
                People who have MFA but signed in without it must sign in again with MFA.
              </Text>
              {summary.isSuccess && !nobodyToRemind && (
                <Checkbox
                  label="Remind them now"
                  description="E-mail each of them how to set up MFA. Anyone reminded in the last 24 hours is skipped."
                  checked={remind}
                  onChange={(e) => setRemind(e.currentTarget.checked)}
                  disabled={saving}
                />
              )}
            </>
          ) : (
            <Text>
              People without MFA get access to {orgName}&apos;s Console, Git, SSH and API again.
              Accounts that have MFA keep it.
            </Text>
          )}
          <DialogFooter
            problem={errorText}
            problemTitle="Not saved"
            onCancel={onClose}
            cancelDisabled={saving}
          >
            <Button
              color={enable ? undefined : 'red.9'}
              loading={saving}
              disabled={!ready}
              onClick={() => onConfirm({ remind: enable && remind && !nobodyToRemind })}
            >
              {errorText ? 'Try again' : enable ? 'Require MFA' : 'Stop requiring MFA'}
            </Button>
          </DialogFooter>
        </Stack>
      </Deferred>
    </Modal>
  );
}
