import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { errorMessage, isApiError } from '@/api/problem';
import { useVerifyEnrollment, type TotpEnrollment } from '../api';
import { appCodeProblem, normalizeAppCode } from '@/lib/code-entry';
import { CodeEntryField } from '@/lib/code-entry-field';
import { StepHeading } from './step-heading';

interface Props {
  enrollment: TotpEnrollment;
  appName: string;
  onVerified: (recoveryCodes: string[]) => void;
  onRestart: () => void;
  onBack: () => void;
  restarting: boolean;
}

/** Answers after which this enrollment cannot be confirmed any more: a new key is needed. */
const DEAD_ENDS = ['enrollment_expired', 'enrollment_locked', 'not_found'];

export function VerifyStep({
  enrollment,
  appName,
  onVerified,
  onRestart,
  onBack,
  restarting,
}: Props) {
  const verify = useVerifyEnrollment();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deadEnd, setDeadEnd] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const submitting = useRef(false);

  useEffect(() => inputRef.current?.focus(), []);

  function fail(message: string) {
    setError(message);
    inputRef.current?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting.current) return;
    const typed = normalizeAppCode(code);
    const problem = appCodeProblem(typed);
    if (problem) return fail(problem);
    submitting.current = true;
    setError(null);
    try {
      const result = await verify.mutateAsync({ enrollmentId: enrollment.id, code: typed });
      // The codes move to the flow's state; the mutation (and its cache entry) is dropped.
      verify.reset();
      onVerified(result.recoveryCodes);
    } catch (e) {
      verify.reset();
      setCode('');
      if (DEAD_ENDS.some((c) => isApiError(e, c))) setDeadEnd(errorMessage(e));
      else fail(errorMessage(e));
    } finally {
      submitting.current = false;
    }
  }

  if (deadEnd) {
    return (
      <Stack gap="md">
        <StepHeading>Start again with a new key</StepHeading>
        <Alert color="orange" role="alert" title="This setup can't be finished">
          {deadEnd}
        </Alert>
        <Text size="sm">
          Remove the {enrollment.issuer} entry you added in {appName}, then scan the new QR code.
        </Text>
        <Group>
          <Button onClick={onRestart} loading={restarting}>
            Start again
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <StepHeading focus={false}>Enter the code from your app</StepHeading>
        <Text size="sm">
          {appName} now shows a 6-digit code for {enrollment.issuer} ({enrollment.accountName}).
          Type the code it shows now.
        </Text>
        <CodeEntryField
          ref={inputRef}
          kind="code"
          maw={240}
          label="6-digit code"
          value={code}
          onChange={(value) => {
            setCode(value);
            if (error) setError(null);
          }}
          error={error}
        />
        <Group justify="space-between" mt="sm">
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={verify.isPending}>
            Verify &amp; save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
