/** The Console's origin when a request carries none of the RP ID's host (Vitest, scripts). */
export const webauthnConfig: { appOrigin: string | null } = { appOrigin: null };

/**
 * The relying party of a request: the RP ID is the API's host name; the expected origin is the
 * request's `Origin` when it is on that host, else the configured app origin (else the API's).
 */
export function relyingParty(request: Request): { rpId: string; origin: string } {
  const url = new URL(request.url);
  const rpId = url.hostname;
  const header = request.headers.get('Origin');
  if (header) {
    try {
      if (new URL(header).hostname === rpId) return { rpId, origin: header };
    } catch {
      // An unparsable Origin is ignored like a foreign one.
    }
  }
  return { rpId, origin: webauthnConfig.appOrigin ?? url.origin };
}
