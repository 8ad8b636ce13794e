import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { RelativeTime } from './relative-time';

describe('RelativeTime', () => {
  it('shows the exact time on hover (its tooltip mounts on the first hover)', async () => {
    const iso = new Date(Date.now() - 3 * 3_600_000).toISOString();
    render(
      <MantineProvider>
        <RelativeTime iso={iso} />
      </MantineProvider>,
    );
    const time = screen.getByText('3 hours ago');
    expect(time).toHaveAttribute('title', formatDateTime(iso));
    expect(screen.queryByRole('tooltip')).toBeNull();
    await userEvent.hover(time);
    // Opened at once (jsdom has no layout, so floating UI keeps it display: none here).
    expect(await screen.findByRole('tooltip', { hidden: true })).toHaveTextContent(
      formatDateTime(iso),
    );
  });
});
