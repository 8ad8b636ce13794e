/**
 * How this mock backend is deployed. The in-browser mock and the Node tests use the defaults;
 * the HTTP server (`npm run mock-server`) sets them from its environment (see http-server.ts).
 */
export const deployment = {
  /**
   * The Console's public address. Links in e-mails are built from it, never from the request's
   * Host header (which the client chooses). The in-browser mock is served by the page itself.
   */
  publicUrl: globalThis.location?.origin ?? 'http://localhost:4173',
  /** `/__mock/*` (live codes, outbox, reset, clock) answer only in demo mode. */
  demo: true,
};

/**
 * Set by the HTTP server from the connection's address (any copy the client sent is dropped), so
 * per-client limits count per address. Requests without it (the in-browser mock, where the only
 * client is the page, and Node tests) count as one client.
 */
export const CLIENT_HEADER = 'x-nimbus-mock-client';

export function clientOf(request: Request): string {
  return request.headers.get(CLIENT_HEADER) ?? 'local';
}
