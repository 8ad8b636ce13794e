import { useEffect, useRef, useState } from 'react';
import { Deferred } from '@/lib/deferred';
import { focusFieldOnOpen } from '@/lib/focus-return';
import { Alert, Button, Group, Loader, Modal, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AppChoiceStep } from './app-choice-step';
import { AUTHENTICATOR_APPS } from './authenticator-apps';
import { FinishStep } from './finish-step';
import { RecoveryCodesPanel } from '../manage/recovery-codes-panel';
import { ScanStep } from './scan-step';
import { SetupFooter } from './setup-footer';
import { StartProblem } from './start-problem';
import { StepHeading } from './step-heading';
import { useSetupEnrollment } from './use-setup-enrollment';
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
  const compact = useMediaQuery('(max-width: 36em)');
  const [active, setActive] = useState(0);
  const [appId, setAppId] = useState('google');
  const [saved, setSaved] = useState(false);
  const { enrollment, startError, codes, verified, starting, begin, ...setup } = useSetupEnrollment(
    { onStarted: () => setActive(1) },
  );
  const appName = AUTHENTICATOR_APPS.find((a) => a.id === appId)?.name ?? 'your app';
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => focusFieldOnOpen(() => body.current), []);

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
    setup.abandon();
    onClose();
  }

  function onVerified(recoveryCodes: string[]) {
    setup.verify(recoveryCodes);
    setActive(3);
  }

  const steps = [
    <Stack key="app" gap="md">
      <AppChoiceStep appId={appId} onChange={setAppId} />
      {startError !== null && (
        <StartProblem
          error={startError}
          busy={starting}
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
        restarting={starting}
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
        <Deferred fallback={<Loader size="sm" aria-label="Loading the setup" />}>
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
            <SetupFooter
              active={active}
              busy={starting}
              saved={saved}
              onBack={() => setActive((s) => s - 1)}
              onNext={() => (active === 0 && !enrollment ? void begin() : setActive((s) => s + 1))}
              onDone={() => {
                close();
                onDone?.();
              }}
            />
          )}
        </Deferred>
      </Stack>
    </Modal>
  );
}
