import { useState } from 'react';
import { queryKeys } from '@/api/query-keys';
import { Alert, Button, Checkbox, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/api/problem';
import { formatCount } from '@/lib/format';
import { updateMfaMethods, type OrgSecurity, type OrgSecurityState } from '../api';
import { memberSummaryQuery } from '@/api/queries';
import { DialogFooter } from '@/lib/dialog-footer';

const LABEL = 'Only phishing-resistant methods (passkeys and security keys)';

/** How many people keep only an app, and so lose access: fresh from the server. */
function AppOnlyImpact({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const summary = useQuery(memberSummaryQuery(orgSlug));
  if (summary.isPending) return <Loader size="sm" aria-label="Counting who is affected" />;
  if (summary.isError)
    return (
      <Alert color="red" role="alert" title="Could not count who is affected">
        {errorMessage(summary.error)}
      </Alert>
    );
  const { appOnly } = summary.data;
  if (appOnly === 0)
    return <Text>Nobody in {orgName} has only an authenticator app. Nobody loses access.</Text>;
  return (
    <Text>
      <strong>
        {formatCount(appOnly)} {appOnly === 1 ? 'person has' : 'people have'} only an authenticator
        app.
      </strong>{' '}
      They lose access to {orgName}&apos;s Console, Git, SSH and API until they add a passkey or
      security key. People without any MFA stay blocked too.
    </Text>
  );
}

/**
 * Under "MFA required": accept only passkeys and security keys (requirement `hwk`). A change is
 * confirmed first (with its impact) and the checkbox shows only what the server confirmed.
 */
export function PhishingResistantOption({
  orgSlug,
  orgName,
  security,
}: {
  orgSlug: string;
  orgName: string;
  security: OrgSecurity;
}) {
  const queryClient = useQueryClient();
  const [intent, setIntent] = useState<OrgSecurity['mfaMethods'] | null>(null);
  const on = security.mfaMethods === 'phishing_resistant';
  const save = useMutation({
    mutationFn: (methods: OrgSecurity['mfaMethods']) => {
      const etag =
        queryClient.getQueryData<OrgSecurityState>(queryKeys.org.security(orgSlug))?.etag ?? '';
      return updateMfaMethods(orgSlug, methods, etag);
    },
    onSuccess: (state) => {
      queryClient.setQueryData(queryKeys.org.security(orgSlug), state);
      setIntent(null);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.orgList() });
    },
  });
  const close = () => {
    setIntent(null);
    save.reset();
  };
  return (
    <>
      <Checkbox
        label={LABEL}
        description="Codes from an authenticator app can be phished; passkeys and security keys cannot."
        checked={on}
        disabled={!security.viewer.canChange || save.isPending}
        onChange={() => setIntent(on ? 'any' : 'phishing_resistant')}
      />
      <Modal
        opened={intent !== null}
        onClose={close}
        title={
          intent === 'phishing_resistant'
            ? 'Require passkeys or security keys'
            : 'Accept any MFA method'
        }
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          {intent === 'phishing_resistant' ? (
            <AppOnlyImpact orgSlug={orgSlug} orgName={orgName} />
          ) : (
            <Text>Authenticator app codes will meet {orgName}&apos;s MFA requirement again.</Text>
          )}
          <DialogFooter
            problem={save.isError ? errorMessage(save.error) : undefined}
            problemTitle="Not changed"
            onCancel={close}
          >
            <Button loading={save.isPending} onClick={() => intent && save.mutate(intent)}>
              {intent === 'phishing_resistant' ? 'Require passkeys' : 'Accept any method'}
            </Button>
          </DialogFooter>
        </Stack>
      </Modal>
    </>
  );
}
