import type { components } from '@/api/schema';
import { db, type PasskeyRecord } from '../db';
import { badRequest, guard, notFound, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { requireSession } from '../sessions';
import { idempotent } from '../idempotency';
import { securityChange } from '../security-activity';
import { proveFactor } from '../proof';
import { mfaStatus, ownedRequiringMfa, ownedRequiringPasskey } from '../views';
import { passkeysOf, validName } from '../user-passkeys';

const iso = (ms: number) => new Date(ms).toISOString();

export function passkeyView(p: PasskeyRecord): components['schemas']['Passkey'] {
  return {
    id: p.id,
    name: p.name,
    createdAt: iso(p.createdAt),
    lastUsedAt: p.lastUsedAt === null ? null : iso(p.lastUsedAt),
    transports: [...p.transports],
    aaguid: p.aaguid,
  };
}

function ownPasskey(passkeys: PasskeyRecord[], id: string): PasskeyRecord {
  const passkey = passkeys.find((p) => p.id === id);
  // Someone else's passkey answers exactly like an unknown one.
  if (!passkey) throw notFound('There is no passkey with this id on your account.');
  return passkey;
}

const orgList = (orgs: { name: string }[]) => orgs.map((o) => o.name).join(', ');

/** A person's passkeys: the list, renaming one, and removing one (with proof). */
export const passkeyHandlers = [
  http.get(
    '/me/passkeys',
    guard(({ request, response }) => {
      const { user } = requireSession(request);
      return response(200).json({ items: passkeysOf(user).map(passkeyView) });
    }),
  ),

  http.patch(
    '/me/passkeys/{passkeyId}',
    guard(async ({ request, params, response }) => {
      const { user } = requireSession(request);
      const body = await readJson(request);
      rejectUnknownFields(body, ['name']);
      if (body.name === undefined) throw badRequest('"name" is required.', 'name', 'missing_field');
      const name = validName(body.name);
      const passkey = ownPasskey(passkeysOf(user), params.passkeyId);
      passkey.name = name;
      return response(200).json(passkeyView(passkey));
    }),
  ),

  http.post(
    '/me/passkeys/{passkeyId}/removal',
    guard(async ({ request, params, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      return idempotent(request, user.id, body, async () => {
        rejectUnknownFields(body, ['code', 'recoveryCode', 'passkey']);
        const passkeys = passkeysOf(user);
        const passkey = ownPasskey(passkeys, params.passkeyId);
        const left = passkeys.length - 1;
        // Refuse before checking the proof, so nobody spends a recovery code for nothing.
        const owned = ownedRequiringMfa(user.id);
        if (left === 0 && !user.mfa?.secret && owned.length > 0)
          throw new ProblemError(
            403,
            'owner_requires_mfa',
            'MFA is required for owners',
            `You own ${orgList(owned)}, which ${owned.length === 1 ? 'requires' : 'require'} MFA. Removing your only method would lock the organization's administration out. Add another method first.`,
            { parameters: { organizations: owned } },
          );
        const strict = ownedRequiringPasskey(user.id);
        if (left === 0 && strict.length > 0)
          throw new ProblemError(
            403,
            'owner_requires_passkey',
            'A passkey is required for owners',
            `You own ${orgList(strict)}, which ${strict.length === 1 ? 'accepts' : 'accept'} only passkeys and security keys. Add another passkey before removing your last one.`,
            { parameters: { organizations: strict } },
          );
        await proveFactor(request, user, session, body, { wrongStatus: 422 });
        user.passkeys = passkeys.filter((p) => p !== passkey);
        const noMethodLeft = left === 0 && !user.mfa?.secret;
        // When the last method goes, the recovery codes go with it.
        if (noMethodLeft) user.mfa = null;
        db.revision++;
        for (const s of db.sessions.values()) {
          if (s.userId !== user.id) continue;
          if (left === 0) s.amr = s.amr.filter((m) => m !== 'hwk');
          if (noMethodLeft) s.amr = s.amr.filter((m) => m !== 'mfa');
        }
        securityChange(
          user,
          { type: 'passkey_removed' },
          {
            passkeyName: passkey.name,
            note: noMethodLeft
              ? 'It was your last sign-in method: multi-factor authentication is off and your recovery codes no longer work.'
              : undefined,
          },
        );
        return response(200).json(mfaStatus(user), { headers: NO_STORE });
      });
    }),
  ),
];
