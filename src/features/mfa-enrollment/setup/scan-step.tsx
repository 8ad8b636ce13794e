import { useId, useState } from 'react';
import { Anchor, Box, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { QRCodeSVG } from 'qrcode.react';
import type { TotpEnrollment } from '../api';
import { groupKey } from './code-format';
import { StepHeading } from './step-heading';
import { formatTime } from '@/lib/format';

/** A phone (touch, or a narrow screen) cannot scan its own screen: it opens the app instead. */
export const ON_PHONE = '(pointer: coarse), (max-width: 36em)';

function QrCode({ enrollment }: { enrollment: TotpEnrollment }) {
  const label = `QR code to add your ${enrollment.issuer} account to an authenticator app`;
  return (
    // White tile in both colour schemes: scanners need dark modules on a light background.
    <Box bg="white" p={4} w="fit-content" style={{ borderRadius: 8 }}>
      <QRCodeSVG
        value={enrollment.otpauthUri}
        size={200}
        marginSize={4}
        level="M"
        bgColor="#ffffff"
        fgColor="#000000"
        title={label}
        role="img"
        aria-label={label}
      />
    </Box>
  );
}

function SetupKey({ enrollment, id }: { enrollment: TotpEnrollment; id?: string }) {
  return (
    <Stack gap="xs" id={id}>
      <Text size="sm">
        Or choose &ldquo;Enter a setup key&rdquo; (or similar) in your app and type this key:
      </Text>
      <Group gap="sm" align="center" wrap="wrap">
        <Code fz="md" style={{ letterSpacing: '0.08em', wordBreak: 'break-word' }}>
          {groupKey(enrollment.secret)}
        </Code>
        <CopyButton value={enrollment.secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Key copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Account: {enrollment.accountName} · Time-based · {enrollment.algorithm} ·{' '}
        {enrollment.digits} digits · every {enrollment.period} seconds
      </Text>
    </Stack>
  );
}

/** A control that shows or hides `children` (the QR code on a phone, the key on a computer). */
function Reveal({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <Anchor
        component="button"
        type="button"
        size="sm"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
      </Anchor>
      {open && (
        <Box mt="xs" id={id}>
          {children}
        </Box>
      )}
    </div>
  );
}

/**
 * Adding the account to the app. On a wide screen the QR code comes first (the phone scans the
 * computer's screen). On a phone the QR code would be shown to the device that must scan it: the
 * app opens from a link instead (`otpauth://`), and the key is shown at once.
 */
export function ScanStep({ enrollment, appName }: { enrollment: TotpEnrollment; appName: string }) {
  const onPhone = useMediaQuery(ON_PHONE) ?? false;
  const expires = (
    <Text size="xs" c="dimmed">
      Finish setting up before {formatTime(enrollment.expiresAt)}; after that, start again with a
      new key.
    </Text>
  );
  if (onPhone) {
    return (
      <Stack gap="md">
        <StepHeading>Add the account to {appName}</StepHeading>
        <Text size="sm">
          This adds the account {enrollment.accountName} ({enrollment.issuer}) to {appName} on this
          phone.
        </Text>
        <Button component="a" href={enrollment.otpauthUri} size="md" fullWidth>
          Open in authenticator app
        </Button>
        <SetupKey enrollment={enrollment} />
        {expires}
        <Reveal label="Show the QR code (to scan with another device)">
          <QrCode enrollment={enrollment} />
        </Reveal>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <StepHeading>Scan the QR code</StepHeading>
      <Text size="sm">
        In {appName}, scan this code. It adds the account {enrollment.accountName} (
        {enrollment.issuer}).
      </Text>
      <QrCode enrollment={enrollment} />
      {expires}
      <Reveal label="Can't scan it?">
        <SetupKey enrollment={enrollment} />
      </Reveal>
    </Stack>
  );
}
