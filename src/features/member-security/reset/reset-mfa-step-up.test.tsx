import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { codeFor, OLIVIA_SECRET, signInAs } from '../../../../tests/api';
import { renderApp } from '../../../../tests/render';
import { clock, db } from '@/mocks/db';
import { PAGE, rowOf, SLOW, type User } from '../test-helpers';

const BOBBY = 'Robert "Bobby" Tables, Jr.';
const MINUTE = 60_000;
const FORM = `Reset MFA of ${BOBBY}`;
const STEP_UP = "Confirm it's you with MFA";

/**
 * Olivia signed in with MFA; the page opens when her MFA is `age` old by the mock's (the
 * server's) clock, and this device's clock reads `deviceOffset` away from the server's.
 */
async function openBobbyAfter(age: number, deviceOffset = 0) {
  await signInAs('olivia');
  const session = db.sessions.get(db.jar.sessionId ?? '');
  if (!session?.mfaAt) throw new Error('no MFA session');
  clock.set(session.mfaAt + age);
  vi.setSystemTime(clock.now() + deviceOffset);
  const app = await renderApp(`${PAGE}?q=bobby`);
  await screen.findAllByLabelText(`Select ${BOBBY}`, {}, SLOW);
  return app;
}

const moreButton = () =>
  within(rowOf(BOBBY)).getByRole('button', { name: `More actions for ${BOBBY}` });

async function chooseResetMfa(user: User) {
  await user.click(moreButton());
  await user.click(await screen.findByRole('menuitem', { name: 'Reset MFA…' }));
}

const dialogNamed = (name: string) => screen.queryByRole('dialog', { name });

async function expectFormAtOnce() {
  expect(await screen.findByRole('dialog', { name: FORM }, SLOW)).toBeVisible();
  expect(dialogNamed(STEP_UP)).toBeNull();
}

async function expectStepUpFirst() {
  expect(await screen.findByRole('dialog', { name: STEP_UP }, SLOW)).toBeVisible();
  expect(dialogNamed(FORM)).toBeNull();
}

afterEach(() => vi.restoreAllMocks());

describe('Reset MFA… asks for the step-up first when the session’s MFA is not recent', () => {
  it('opens the form at once when MFA was proved 9:59 ago (by the server’s clock)', async () => {
    const { user } = await openBobbyAfter(9 * MINUTE + 59_000);
    await chooseResetMfa(user);
    await expectFormAtOnce();
  }, 30_000);

  it('opens the step-up dialog first at 10:01, then the form once confirmed', async () => {
    const { user } = await openBobbyAfter(10 * MINUTE + 1000);
    await chooseResetMfa(user);
    await expectStepUpFirst();
    const stepUp = screen.getByRole('dialog', { name: STEP_UP });
    expect(stepUp).toHaveTextContent('Resetting MFA needs MFA confirmed in the last 10 minutes.');
    await user.type(within(stepUp).getByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(within(stepUp).getByRole('button', { name: 'Verify' }));
    const form = await screen.findByRole('dialog', { name: FORM }, SLOW);
    await waitFor(() => expect(dialogNamed(STEP_UP)).toBeNull());
    await user.type(within(form).getByLabelText(/^Reason/), 'Lost phone');
    await user.type(within(form).getByLabelText(/^Type bobby@acme.example/), 'bobby@acme.example');
    await user.click(within(form).getByRole('button', { name: 'Reset MFA' }));
    // The fresh step-up is accepted: no "Confirm it's you first" on the way.
    expect(
      await screen.findByText(/Another owner or admin must approve it/, {}, SLOW),
    ).toBeVisible();
    expect(screen.queryByText("Confirm it's you first")).toBeNull();
    expect(db.mfaResets.size).toBe(1);
  }, 40_000);

  it('opens nothing when the step-up is cancelled, and puts focus back on More', async () => {
    // jsdom lays nothing out; the focus return only moves focus to rendered controls.
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([
      new DOMRect(0, 0, 24, 24),
    ] as unknown as DOMRectList);
    const { user } = await openBobbyAfter(10 * MINUTE + 1000);
    await chooseResetMfa(user);
    const stepUp = await screen.findByRole('dialog', { name: STEP_UP }, SLOW);
    await user.click(within(stepUp).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(dialogNamed(STEP_UP)).toBeNull());
    await waitFor(() => expect(moreButton()).toHaveFocus());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(db.mfaResets.size).toBe(0);
  }, 30_000);

  it('judges on the server’s clock: this device’s clock 3 hours ahead or behind changes nothing', async () => {
    const { user, unmount } = await openBobbyAfter(MINUTE, 3 * 60 * MINUTE);
    await chooseResetMfa(user);
    await expectFormAtOnce();
    unmount();
    const again = await openBobbyAfter(10 * MINUTE + 1000, -3 * 60 * MINUTE);
    await chooseResetMfa(again.user);
    await expectStepUpFirst();
  }, 40_000);

  it('a page left open: the session it loaded ages with the time that passes', async () => {
    const { user } = await openBobbyAfter(9 * MINUTE);
    await chooseResetMfa(user);
    const form = await screen.findByRole('dialog', { name: FORM }, SLOW);
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialogNamed(FORM)).toBeNull());
    // 61 seconds later on both clocks, without a new answer from the server.
    clock.advance(61_000);
    vi.setSystemTime(Date.now() + 61_000);
    await chooseResetMfa(user);
    await expectStepUpFirst();
  }, 40_000);
});
