import { Suspense, useId, useState, type FormEvent } from 'react';
import { Button, Group, InputBase, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { meQuery } from '@/api/queries';

/** The explanation's code loads when someone starts typing or pasting, not with the page. */
const Outcome = lazyWithPreload(() =>
  import('./troubleshoot-result').then((m) => m.TroubleshootOutcome),
);

/**
 * "Troubleshoot an access error": paste an SSH or CLI error; see the service, the user and each
 * missing method with its fix. `onSetUpMfa` opens the page's own setup flow.
 */
export function TroubleshootAccessError({
  onSetUpMfa,
  headingOrder = 2,
}: {
  onSetUpMfa?: () => void;
  headingOrder?: 2 | 3 | 4;
}) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const me = useQuery(meQuery());
  const headingId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(text);
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={headingOrder} size="h3" id={headingId}>
        Troubleshoot an access error
      </Title>
      <Text size="sm" c="dimmed">
        Got an error from SSH, Git or the CLI? Paste it here to see what is missing and how to fix
        it. The text stays in your browser.
      </Text>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <InputBase
            component="textarea"
            multiline
            label="Error message"
            placeholder={'Error: Access denied\nService: …\nUser: …\nParameters: {"amr":["mfa"]}'}
            rows={6}
            value={text}
            onFocus={() => void Outcome.preload()}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setChecked(null);
            }}
            styles={{
              input: { fontFamily: 'var(--mantine-font-family-monospace)', resize: 'vertical' },
            }}
          />
          <Group gap="xs">
            <Button type="submit" disabled={!text.trim()}>
              Explain this error
            </Button>
            {text && (
              <Button
                variant="subtle"
                onClick={() => {
                  setText('');
                  setChecked(null);
                }}
              >
                Clear
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {checked !== null && (
          <Suspense fallback={<Loader size="sm" aria-label="Reading the error" />}>
            <Outcome.Component text={checked} me={me.data} onSetUpMfa={onSetUpMfa} />
          </Suspense>
        )}
      </div>
    </Stack>
  );
}
