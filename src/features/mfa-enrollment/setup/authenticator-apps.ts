import { BRAND } from '@/lib/brand';

export interface AuthenticatorApp {
  id: string;
  name: string;
  /** Short steps to add an account by QR code in this app. */
  steps: string[];
}

const SCAN =
  'Scan the QR code on the next step, or type the setup key shown under "Can\'t scan it?".';

/**
 * On a phone the QR code is on the screen that would have to scan it: the next step offers
 * "Open in authenticator app" (the otpauth:// link) and the key instead.
 */
export const phoneSteps = (app: AuthenticatorApp): string[] => [
  `On the next step, tap “Open in authenticator app”: ${app.id === 'other' ? 'your app' : app.name} opens and adds the account.`,
  app.id === 'other'
    ? 'If it does not open, add an account in the app and type the setup key shown on the next step. Settings if the app asks: time-based, SHA-1, 6 digits, every 30 seconds.'
    : `If it does not open, add an account in ${app.name} and type the setup key shown on the next step.`,
];

export const AUTHENTICATOR_APPS: AuthenticatorApp[] = [
  {
    id: 'google',
    name: 'Google Authenticator',
    steps: ['Open Google Authenticator.', 'Tap + (Add a code), then Scan a QR code.', SCAN],
  },
  {
    id: 'microsoft',
    name: 'Microsoft Authenticator',
    steps: [
      'Open Microsoft Authenticator.',
      'Tap + (Add account), then Other account (Google, Facebook, etc.).',
      SCAN,
    ],
  },
  {
    id: '1password',
    name: '1Password',
    steps: [
      `Open or create the login item for ${BRAND.name} and choose Edit.`,
      'Add a field of type One-Time Password and choose the QR code icon.',
      SCAN,
    ],
  },
  {
    id: 'authy',
    name: 'Authy',
    steps: ['Open Authy.', 'Tap + (Add account), then Scan QR code.', SCAN],
  },
  {
    id: 'bitwarden',
    name: 'Bitwarden',
    steps: [
      `In Bitwarden Authenticator tap +, or in the Bitwarden password manager edit the ${BRAND.name} login and choose the camera icon next to Authenticator key (TOTP).`,
      SCAN,
    ],
  },
  {
    id: 'other',
    name: 'Another app',
    steps: [
      'Use any app that supports time-based one-time passwords (TOTP, RFC 6238).',
      'Add an account in the app.',
      `${SCAN} Settings if the app asks: time-based, SHA-1, 6 digits, every 30 seconds.`,
    ],
  },
];
