import { useId, useState } from 'react';
import { Anchor, Box, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import type { TotpEnrollment } from './api';
import { groupKey } from './code-format';
import { StepHeading } from './step-heading';
import { formatTime } from '@/lib/format';

export function ScanStep({ enrollment, appName }: { enrollment: TotpEnrollment; appName: string }) {
  const [showKey, setShowKey] = useState(false);
  const keyId = useId();
  return (
    <Stack gap="md">
      <StepHeading>Scan the QR code</StepHeading>
      <Text size="sm">
        In {appName}, scan this code. It adds the account {enrollment.accountName} (
        {enrollment.issuer}).
      </Text>
      {/* White tile in both colour schemes: scanners need dark modules on a light background. */}
      <Box bg="white" p={4} w="fit-content" style={{ borderRadius: 8 }}>
        <QRCodeSVG
          value={enrollment.otpauthUri}
          size={200}
          marginSize={4}
          level="M"
          bgColor="#ffffff"
          fgColor="#000000"
          title={`QR code to add your ${enrollment.issuer} account to an authenticator app`}
          role="img"
          aria-label={`QR code to add your ${enrollment.issuer} account to an authenticator app`}
        />
      </Box>
      <Text size="xs" c="dimmed">
        Finish setting up before {formatTime(enrollment.expiresAt)}; after that, start again with a
        new key.
      </Text>
      <div>
        <Anchor
          component="button"
          type="button"
          size="sm"
          aria-expanded={showKey}
          aria-controls={keyId}
          onClick={() => setShowKey((v) => !v)}
        >
          Can&apos;t scan it?
        </Anchor>
        {showKey && (
          <Stack gap="xs" mt="xs" id={keyId}>
            <Text size="sm">
              Choose &ldquo;Enter a setup key&rdquo; (or similar) in your app and type this key:
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
        )}
      </div>
    </Stack>
  );
}
