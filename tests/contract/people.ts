import assert from 'node:assert/strict';
import { totpCode, type Actor } from './context';

/**
 * What scenarios do as a person beyond signing in: setting up the app, and finding someone in an
 * organization's member list (ids are the server's own).
 */

/** Set up the authenticator app for the signed-in `actor`: its secret and recovery codes. */
export async function enrollTotp(
  actor: Actor,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await actor.post('/me/mfa/totp/enrollments', {});
  assert.equal(started.status, 201);
  const { id, secret } = started.json as { id: string; secret: string };
  const verified = await actor.post(`/me/mfa/totp/enrollments/${id}/verify`, {
    code: await totpCode(secret),
  });
  assert.equal(verified.status, 200);
  return { secret, recoveryCodes: verified.json.recoveryCodes as string[] };
}

/** The user id of the member of `slug` with this e-mail, as `manager` sees the member list. */
export async function memberId(manager: Actor, slug: string, email: string): Promise<string> {
  const list = await manager.get(`/orgs/${slug}/members?q=${encodeURIComponent(email)}`);
  assert.equal(list.status, 200);
  const items = list.json.items as Array<{ id: string; email: string }>;
  const found = items.find((m) => m.email === email);
  assert.ok(found, `${email} is a member of ${slug}`);
  return found.id;
}
