import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { call, signInAs } from '../../../../tests/api';
import { clock } from '@/mocks/db';
import { pumpJobs } from '@/mocks/job-pump';
import { oliviaSchedules } from '@/mocks/schedule-test-helpers';
import { openAcme, PAGE, rowOf } from '../test-helpers';

describe('More → Reminder history', () => {
  it('lists each reminder with when and by whom, or by the schedule', async () => {
    await oliviaSchedules('2026-12-12T00:00:00Z'); // the "Now" wave reminds Mia
    clock.advance(1_000);
    pumpJobs(); // the wave's job sends (the browser's pump does this on its timer)
    clock.advance(25 * 3_600_000);
    await signInAs('olivia'); // the first session ended after 12 hours
    const byHand = await call(
      'POST',
      '/orgs/acme/reminders',
      { userIds: ['usr_mia'] },
      { 'Idempotency-Key': 'history-by-hand' },
    );
    expect(byHand.json.sent).toBe(1);
    const { user } = await openAcme(`${PAGE}?mfa=disabled&perPage=50`);
    await user.click(
      within(rowOf('Mia Member')).getByRole('button', { name: 'More actions for Mia Member' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Reminder history' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reminder history of Mia Member' });
    const table = await within(dialog).findByRole('table', {
      name: 'Reminders sent to Mia Member',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // newest first
    expect(rows[1]).toHaveTextContent('Olivia Owner');
    expect(rows[2]).toHaveTextContent('The schedule (Now)');
  });
});
