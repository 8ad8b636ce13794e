import { Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { BRAND } from '@/lib/brand';
import { formatDateTime } from '@/lib/format';

interface Props {
  codes: string[];
  accountName: string;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}

// Printing shows only the codes: everything else on the page is hidden for print.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  [data-recovery-print], [data-recovery-print] * { visibility: visible !important; }
  [data-recovery-print] { position: absolute; inset: 0 auto auto 0; width: 100%; }
}`;

function asText(codes: string[], accountName: string): string {
  return [
    `${BRAND.name} recovery codes for ${accountName}`,
    `Created ${formatDateTime(new Date())}`,
    '',
    'Each code signs you in once if you lose your authenticator app.',
    'Keep them somewhere safe, such as a password manager.',
    '',
    ...codes,
    '',
  ].join('\n');
}

function download(codes: string[], accountName: string) {
  // A Blob URL: the codes never pass through the page URL, a server or storage.
  const url = URL.createObjectURL(new Blob([asText(codes, accountName)], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${BRAND.cli}-recovery-codes.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The recovery codes, shown once, with every way to keep them and the "saved" confirmation. */
export function RecoveryCodesPanel({ codes, accountName, saved, onSavedChange }: Props) {
  return (
    <Stack gap="md">
      <Text size="sm">
        If you lose your phone or your authenticator app, each of these codes signs you in once.
        This is the only time they are shown. Keep them somewhere safe, such as a password manager.
      </Text>
      <style>{PRINT_CSS}</style>
      <Paper withBorder p="md" data-recovery-print>
        <Text size="xs" c="dimmed" mb="xs">
          {BRAND.name} recovery codes for {accountName}
        </Text>
        <SimpleGrid
          component="ul"
          aria-label="Recovery codes"
          cols={{ base: 1, xs: 2 }}
          spacing={4}
          verticalSpacing={4}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {codes.map((code) => (
            <Text component="li" key={code} ff="monospace" fz="md">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="xs">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="sm" onClick={copy}>
              {copied ? 'Codes copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" size="sm" onClick={() => download(codes, accountName)}>
          Download
        </Button>
        <Button variant="default" size="sm" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <Checkbox
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(e) => onSavedChange(e.currentTarget.checked)}
      />
    </Stack>
  );
}
