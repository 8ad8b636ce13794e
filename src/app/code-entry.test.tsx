import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from '../../tests/render';
import { codeFor, GUS_SECRET, miaWithMfa, OLIVIA_SECRET } from '../../tests/api';
import { db } from '@/mocks/db';
import { createSession } from '@/mocks/sessions';
import { seededRecoveryCodes } from '@/mocks/seed';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** One of the forms that ask for a code: how to reach its field, and what success looks like. */
interface CodeForm {
  /** The secret whose current code this form accepts. */
  secret: (user: User) => Promise<string>;
  open: () => Promise<{ user: User; scope: () => HTMLElement }>;
  label: string;
  submit: string;
  done: () => Promise<void>;
  /** Who may use a recovery code here (the enrollment step takes app codes only). */
  recoveryFor?: string;
}

const page = () => document.body;
/** The first screen of a test may wait on a cold module load when the whole suite runs. */
const LOAD = { timeout: 5000 };

const FORMS: Record<string, CodeForm> = {
  'the sign-in code step': {
    secret: async () => OLIVIA_SECRET,
    open: async () => {
      const { user } = await renderApp('/sign-in');
      await user.type(await screen.findByLabelText(/^e-mail/i, {}, LOAD), 'olivia@example.com');
      await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await screen.findByLabelText('6-digit code', {}, LOAD);
      return { user, scope: page };
    },
    label: '6-digit code',
    submit: 'Verify',
    done: async () => {
      await screen.findByRole('button', { name: /user menu for olivia owner/i }, LOAD);
    },
    recoveryFor: 'usr_olivia',
  },
  'the step-up dialog': {
    secret: async () => GUS_SECRET,
    open: async () => {
      createSession('usr_gus', ['pwd']);
      const { user } = await renderApp('/orgs/globex/settings/security');
      await user.click(await screen.findByRole('button', { name: 'Sign in again with MFA' }, LOAD));
      await screen.findByRole('dialog', { name: "Confirm it's you with MFA" }, LOAD);
      return { user, scope: () => screen.getByRole('dialog') };
    },
    label: '6-digit code',
    submit: 'Verify',
    done: async () => {
      await screen.findByRole('button', { name: 'Sign in with acme' }, LOAD);
      expect(db.sessions.get(db.jar.sessionId ?? '')?.amr).toContain('mfa');
    },
    recoveryFor: 'usr_gus',
  },
  'the enrollment code step': {
    secret: async (user) => {
      const toggle = screen.getByRole('button', { name: "Can't scan it?" });
      await user.click(toggle);
      const key = await screen.findByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/, {}, LOAD);
      const secret = (key.textContent ?? '').replace(/ /g, '');
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await screen.findByLabelText('6-digit code', {}, LOAD);
      return secret;
    },
    open: async () => {
      const { user } = await renderApp('/profile/security', { as: 'adam' });
      await user.click(await screen.findByRole('button', { name: 'Set up application' }, LOAD));
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await screen.findByRole('heading', { name: 'Scan the QR code' }, LOAD);
      return { user, scope: () => screen.getByRole('dialog') };
    },
    label: '6-digit code',
    submit: 'Verify & save',
    done: async () => {
      await screen.findByRole('heading', { name: 'Save your recovery codes' }, LOAD);
    },
  },
  'the regenerate confirmation': {
    secret: async () => OLIVIA_SECRET,
    open: async () => {
      const { user } = await renderApp('/profile/security', { as: 'olivia' });
      await user.click(
        await screen.findByRole('button', { name: 'Regenerate recovery codes' }, LOAD),
      );
      return { user, scope: () => screen.getByRole('dialog') };
    },
    label: '6-digit code',
    submit: 'Regenerate codes',
    done: async () => {
      await screen.findByRole('list', { name: 'Recovery codes' }, LOAD);
    },
    recoveryFor: 'usr_olivia',
  },
  'the remove confirmation': {
    secret: async () => miaSecret,
    open: async () => {
      miaSecret = await miaWithMfa();
      const { user } = await renderApp('/profile/security');
      await user.click(await screen.findByRole('button', { name: 'Remove authenticator' }, LOAD));
      return { user, scope: () => screen.getByRole('dialog', { name: 'Remove authenticator' }) };
    },
    label: '6-digit code',
    submit: 'Remove authenticator',
    done: async () => {
      await screen.findByText('Not enabled', {}, LOAD);
    },
  },
};
let miaSecret = '';

const forms = Object.entries(FORMS);

async function enter(form: CodeForm, text: (code: string) => string) {
  const { user, scope } = await form.open();
  const code = codeFor(await form.secret(user));
  await user.type(within(scope()).getByLabelText(form.label), text(code));
  await user.click(within(scope()).getByRole('button', { name: form.submit }));
  return { user, scope };
}

describe('one code entry in every form that asks for a code', () => {
  it.each(forms)('%s accepts a code typed with a space inside ("123 456")', async (_, form) => {
    await enter(form, (code) => `${code.slice(0, 3)} ${code.slice(3)}`);
    await form.done();
  });

  it.each(forms)('%s accepts a code typed with a hyphen inside ("123-456")', async (_, form) => {
    await enter(form, (code) => `${code.slice(0, 3)}-${code.slice(3)}`);
    await form.done();
  });

  it.each(forms)('%s says the same about letters, next to the field', async (_, form) => {
    const { scope } = await enter(form, () => '12ab56');
    const field = within(scope()).getByLabelText(form.label);
    expect(
      await within(scope()).findByText('The code must contain digits 0–9 only.', {}, LOAD),
    ).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription('The code must contain digits 0–9 only.');
    expect(field).toHaveFocus();
  });

  it.each(forms.filter(([, form]) => form.recoveryFor))(
    '%s accepts a recovery code in capitals with spaces instead of hyphens',
    async (_, form) => {
      const { user, scope } = await form.open();
      await user.click(
        within(scope()).getByRole('button', { name: 'Use a recovery code instead' }),
      );
      const recovery = seededRecoveryCodes(form.recoveryFor ?? '')[1] ?? '';
      await user.type(
        within(scope()).getByLabelText('Recovery code'),
        recovery.toUpperCase().replace(/-/g, ' '),
      );
      await user.click(within(scope()).getByRole('button', { name: form.submit }));
      await form.done();
    },
  );

  it.each(forms.filter(([, form]) => form.recoveryFor))(
    '%s asks for a recovery code when none was typed',
    async (_, form) => {
      const { user, scope } = await form.open();
      await user.click(
        within(scope()).getByRole('button', { name: 'Use a recovery code instead' }),
      );
      await user.type(within(scope()).getByLabelText('Recovery code'), ' - ');
      await user.click(within(scope()).getByRole('button', { name: form.submit }));
      expect(
        await within(scope()).findByText('Enter one of your recovery codes.', {}, LOAD),
      ).toBeInTheDocument();
    },
  );
});
