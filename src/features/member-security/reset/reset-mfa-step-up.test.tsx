import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../../../tests/api';
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

describe('Approve asks for the step-up first when the approver’s MFA is not recent', () => {
  /** Olivia asks to reset Bobby's MFA; Adam (with MFA) opens the page `age` after his MFA. */
  async function openAsAdamAfter(age: number) {
    await signInAs('olivia');
    const asked = await call(
      'POST',
      '/orgs/acme/members/usr_acme_09/mfa-reset',
      { reason: 'Lost phone', email: 'bobby@acme.example' },
      { 'Idempotency-Key': 'test-approve-step-up' },
    );
    expect(asked.json.status).toBe('pending');
    const adam = db.users.get('usr_adam');
    const olivia = db.users.get('usr_olivia');
    if (adam && olivia?.mfa) adam.mfa = { ...olivia.mfa, recoveryCodeHashes: [] };
    await signInAs('adam');
    const session = db.sessions.get(db.jar.sessionId ?? '');
    if (!session?.mfaAt) throw new Error('no MFA session');
    clock.set(session.mfaAt + age);
    vi.setSystemTime(clock.now());
    const app = await renderApp(PAGE);
    return { ...app, list: await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW) };
  }
  const approveButton = (list: HTMLElement) =>
    within(list).getByRole('button', { name: `Approve the MFA reset of ${BOBBY}` });

  it('at 10:01 the step-up opens before any request; once confirmed the reset happens', async () => {
    const { user, list } = await openAsAdamAfter(10 * MINUTE + 1000);
    await user.click(approveButton(list));
    const stepUp = await screen.findByRole('dialog', { name: STEP_UP }, SLOW);
    expect(stepUp).toHaveTextContent(
      'Approving an MFA reset needs MFA confirmed in the last 10 minutes.',
    );
    expect(db.users.get('usr_acme_09')?.mfa).not.toBeNull();
    await user.type(within(stepUp).getByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(within(stepUp).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(db.users.get('usr_acme_09')?.mfa).toBeNull(), SLOW);
    expect(screen.queryByText("Confirm it's you first")).toBeNull();
  }, 40_000);

  it('at 9:59 it approves at once', async () => {
    const { user, list } = await openAsAdamAfter(9 * MINUTE + 59_000);
    await user.click(approveButton(list));
    expect(dialogNamed(STEP_UP)).toBeNull();
    await waitFor(() => expect(db.users.get('usr_acme_09')?.mfa).toBeNull(), SLOW);
  }, 40_000);

  it('a step-up that expires between the page and the click: the server refuses, Confirm with MFA', async () => {
    const { user, list } = await openAsAdamAfter(9 * MINUTE + 59_000);
    clock.advance(2 * MINUTE); // the server's clock only: this page still believes it recent
    await user.click(approveButton(list));
    expect(await within(list).findByText("Confirm it's you first", {}, SLOW)).toBeVisible();
    expect(within(list).getByRole('button', { name: 'Confirm with MFA' })).toBeVisible();
    expect(db.users.get('usr_acme_09')?.mfa).not.toBeNull();
  }, 40_000);

  it('cancelling the step-up approves nothing and puts focus back on Approve', async () => {
    const { user, list } = await openAsAdamAfter(10 * MINUTE + 1000);
    await user.click(approveButton(list));
    const stepUp = await screen.findByRole('dialog', { name: STEP_UP }, SLOW);
    await user.click(within(stepUp).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(dialogNamed(STEP_UP)).toBeNull());
    await waitFor(() => expect(approveButton(list)).toHaveFocus());
    expect(db.users.get('usr_acme_09')?.mfa).not.toBeNull();
    expect(db.mfaResets.size).toBe(1);
  }, 30_000);
});
