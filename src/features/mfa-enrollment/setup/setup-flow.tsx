import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '@/api/query-keys';
import { focusFieldOnOpen } from '@/lib/focus-return';
import { Alert, Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { cancelEnrollment, useStartEnrollment, type TotpEnrollment } from '../api';
import { AppChoiceStep } from './app-choice-step';
import { AUTHENTICATOR_APPS } from './authenticator-apps';
import { FinishStep } from './finish-step';
import { RecoveryCodesPanel } from '../manage/recovery-codes-panel';
import { ScanStep } from './scan-step';
import { StartProblem } from './start-problem';
import { StepHeading } from './step-heading';
import { VerifyStep } from './verify-step';

const STEPS = ['Choose app', 'Scan', 'Verify', 'Save codes', 'Refresh'];

/**
 * The guided setup. Mounted only while open: the secret and the recovery codes live in this
 * component's state and are gone when it closes. A setup closed before "Verify & save" is
 * cancelled on the server, so its secret is destroyed there too.
 */
export function SetupFlow({
  accountName,
  onClose,
  onDone,
}: {
  accountName: string;
  onClose: () => void;
  /** After the last step's Done (the flow is closed first). */
  onDone?: () => void;
}) {
  const client = useQueryClient();
  const start = useStartEnrollment();
  const compact = useMediaQuery('(max-width: 36em)');
  const [active, setActive] = useState(0);
  const [appId, setAppId] = useState('google');
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const appName = AUTHENTICATOR_APPS.find((a) => a.id === appId)?.name ?? 'your app';
  const verified = codes !== null;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => focusFieldOnOpen(() => body.current), []);

  // The enrollment to cancel if this flow goes away unfinished (closed, or navigated away from).
  const unfinished = useRef<string | null>(null);
  unfinished.current = enrollment && !verified ? enrollment.id : null;
  const cleanup = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(cleanup.current);
    return () => {
      // Deferred, so React's development double mount does not cancel a live enrollment.
      const id = unfinished.current;
      if (id) cleanup.current = setTimeout(() => void discard(id), 0);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on unmount only
  }, []);

  async function discard(id: string) {
    await cancelEnrollment(id).catch(() => undefined);
    await client.invalidateQueries({ queryKey: queryKeys.me.mfa() });
  }

  async function begin(replacing?: string) {
    setStartError(null);
    try {
      const created = await start.mutateAsync({ replacing });
      setEnrollment(created);
      setActive(1);
    } catch (error) {
      setStartError(error);
    } finally {
      // The answer carried the secret: keep it only in this component's state.
      start.reset();
    }
  }

  // Escape or × after the key was made: ask before throwing the setup away.
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmDiscard) keepRef.current?.focus();
  }, [confirmDiscard]);
  function requestClose() {
    if (enrollment && !verified) setConfirmDiscard(true);
    else close();
  }

  function close() {
    if (verified && !saved) return;
    const id = unfinished.current;
    unfinished.current = null;
    if (id) void discard(id);
    onClose();
  }

  function onVerified(recoveryCodes: string[]) {
    setCodes(recoveryCodes);
    setEnrollment(null); // MFA is on: the secret is not needed in this browser any more
    setActive(3);
  }

  const steps = [
    <Stack key="app" gap="md">
      <AppChoiceStep appId={appId} onChange={setAppId} />
      {startError !== null && (
        <StartProblem
          error={startError}
          busy={start.isPending}
          onStartOver={(id) => void begin(id)}
          onRetry={() => void begin()}
          onClose={close}
        />
      )}
    </Stack>,
    enrollment && <ScanStep key="scan" enrollment={enrollment} appName={appName} />,
    enrollment && (
      <VerifyStep
        key={enrollment.id}
        enrollment={enrollment}
        appName={appName}
        onVerified={onVerified}
        onRestart={() => void begin(enrollment.id)}
        onBack={() => setActive(1)}
        restarting={start.isPending}
      />
    ),
    codes && (
      <Stack key="codes" gap="md">
        <StepHeading>Save your recovery codes</StepHeading>
        <RecoveryCodesPanel
          codes={codes}
          accountName={accountName}
          saved={saved}
          onSavedChange={setSaved}
        />
      </Stack>
    ),
    <FinishStep key="finish" />,
  ];

  return (
    <Modal
      opened
      onClose={requestClose}
      title="Set up an authenticator app"
      size="xl"
      fullScreen={compact}
      closeOnEscape={!verified || saved}
      closeOnClickOutside={!verified}
      withCloseButton={!verified || saved}
      closeButtonProps={{ 'aria-label': 'Close setup' }}
    >
      <Stack gap="lg" ref={body}>
        <Stepper
          active={active}
          onStepClick={(step) => !verified && step < active && setActive(step)}
          allowNextStepsSelect={false}
          size="sm"
          iconSize={compact ? 28 : undefined}
          // A named group (a div with a role): the steps, the current one marked.
          role="group"
          aria-label="Setup steps"
        >
          {STEPS.map((label, index) => (
            <Stepper.Step
              key={label}
              label={compact ? undefined : label}
              aria-label={`Step ${index + 1}: ${label}`}
              aria-current={index === active ? 'step' : undefined}
              allowStepSelect={!verified && index < active}
            />
          ))}
        </Stepper>
        {compact && (
          <Text size="sm" c="dimmed">
            Step {active + 1} of {STEPS.length}: {STEPS[active]}
          </Text>
        )}
        {confirmDiscard ? (
          <Alert color="orange" title="Stop setting up?" role="alert">
            <Stack gap="sm">
              <Text size="sm">
                The key you may have added to {appName} will not work, and MFA stays off. You can
                start again later.
              </Text>
              <Group gap="xs">
                <Button ref={keepRef} onClick={() => setConfirmDiscard(false)}>
                  Continue setting up
                </Button>
                <Button variant="default" color="red" onClick={close}>
                  Stop and discard
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          steps[active]
        )}
        {!confirmDiscard && (
          <Footer
            active={active}
            busy={start.isPending}
            saved={saved}
            onBack={() => setActive((s) => s - 1)}
            onNext={() => (active === 0 && !enrollment ? void begin() : setActive((s) => s + 1))}
            onDone={() => {
              close();
              onDone?.();
            }}
          />
        )}
      </Stack>
    </Modal>
  );
}

interface FooterProps {
  active: number;
  busy: boolean;
  saved: boolean;
  onBack: () => void;
  onNext: () => void;
  onDone: () => void;
}

function Footer({ active, busy, saved, onBack, onNext, onDone }: FooterProps) {
  return (
    <Group justify="space-between" mt="sm">
      <div>
        {active === 1 && (
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
        )}
      </div>
      <Group gap="xs">
        {active === 3 && !saved && (
          <Text size="xs" c="dimmed">
            Confirm that you saved the codes to continue.
          </Text>
        )}
        {(active === 0 || active === 1) && (
          <Button onClick={onNext} loading={busy}>
            Continue
          </Button>
        )}
        {active === 3 && (
          <Button onClick={onNext} disabled={!saved}>
            Continue
          </Button>
        )}
        {active === 4 && <Button onClick={onDone}>Done</Button>}
      </Group>
    </Group>
  );
}
