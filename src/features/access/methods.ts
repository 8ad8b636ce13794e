/** An authentication method an organization can require, as the server names it in `amr`. */
export type RequiredMethod =
  | { kind: 'mfa'; amr: string; label: string }
  | { kind: 'hwk'; amr: string; label: string }
  | { kind: 'sso'; amr: string; provider: string; label: string }
  | { kind: 'other'; amr: string; label: string };

/** The words people read for each method (PRODUCT §3.4, the source's error text). */
export function describeMethod(amr: string): RequiredMethod {
  if (amr === 'mfa') return { kind: 'mfa', amr, label: 'Multi-factor authentication (MFA)' };
  if (amr === 'hwk') return { kind: 'hwk', amr, label: 'Passkey or security key' };
  if (amr.startsWith('sso:')) {
    const provider = amr.slice(4);
    return { kind: 'sso', amr, provider, label: `Single sign-on (SSO), provider: ${provider}` };
  }
  return { kind: 'other', amr, label: `Authentication method "${amr}"` };
}
