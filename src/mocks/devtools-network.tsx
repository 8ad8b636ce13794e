import { useState } from 'react';
import { NumberInput, Slider, Stack, Text } from '@mantine/core';
import { config } from './db';
import { updateConfig } from './control';

/** Dev tools → Network: latency and a failure rate added to every API call. */
export function Network() {
  const [latency, setLatency] = useState(config.latencyMs);
  const [failure, setFailure] = useState(config.failureRate * 100);
  return (
    <Stack>
      <NumberInput
        label="Latency added to every API call (ms)"
        min={0}
        max={10000}
        step={100}
        value={latency}
        onChange={(v) => {
          const n = Number(v) || 0;
          setLatency(n);
          updateConfig({ latencyMs: n });
        }}
      />
      <Text size="sm">Failure rate: {failure}% of API calls answer 500</Text>
      <Slider
        aria-label="Failure rate"
        min={0}
        max={100}
        step={5}
        value={failure}
        onChange={(v) => {
          setFailure(v);
          updateConfig({ failureRate: v / 100 });
        }}
      />
    </Stack>
  );
}
