import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * The browser side of WebAuthn. @simplewebauthn/browser loads only when a passkey is used (a
 * dynamic import), so the pages that merely show passkeys do not carry it.
 */
const browserLib = () => import('@simplewebauthn/browser');

/** Whether this browser can create and use passkeys at all. Call after the first render. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

export async function createCredential(options: object): Promise<RegistrationResponseJSON> {
  const { startRegistration } = await browserLib();
  return startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
}

export async function getCredential(options: object): Promise<AuthenticationResponseJSON> {
  const { startAuthentication } = await browserLib();
  return startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
}

type Named = { name?: unknown; cause?: { name?: unknown } } | null;
const nameOf = (error: unknown): unknown[] =>
  typeof error === 'object' && error !== null
    ? [(error as Named)?.name, (error as Named)?.cause?.name].filter(Boolean)
    : [];

/** The person closed the browser's prompt, or it timed out: nothing happened. */
export function wasCancelled(error: unknown): boolean {
  return nameOf(error).some((n) => n === 'NotAllowedError' || n === 'AbortError');
}

/** What to tell the person when the browser's side failed (not the server's). */
export function browserFailure(error: unknown): string {
  if (wasCancelled(error))
    return 'The browser prompt was closed or timed out. No passkey was used and nothing was saved.';
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED')
    return 'This passkey or security key is already registered to your account.';
  if (nameOf(error).includes('SecurityError'))
    return 'This browser refused passkeys for this address. Open the Console at its usual address.';
  return 'The browser could not use a passkey here. Try again, or use another method.';
}

/** A default name from the browser: "Chrome on Linux", or "Passkey" when it says nothing. */
export function browserPasskeyName(): string {
  if (typeof navigator === 'undefined') return 'Passkey';
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux|X11/.test(ua)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Passkey';
}
