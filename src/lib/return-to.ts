/** Only same-app paths are accepted as a place to return to (no open redirects). */
export function safeReturnTo(
  value: string | null | undefined,
  fallback = '/profile/security',
): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  if (value.startsWith('/sign-in')) return fallback;
  return value;
}
