import { Button, Group, Text } from '@mantine/core';

interface SetupFooterProps {
  active: number;
  busy: boolean;
  saved: boolean;
  onBack: () => void;
  onNext: () => void;
  onDone: () => void;
}

/** The buttons under a setup step: Back on Scan, Continue (held until codes are saved), Done. */
export function SetupFooter({ active, busy, saved, onBack, onNext, onDone }: SetupFooterProps) {
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
