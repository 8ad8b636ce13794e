import { db } from '../db';
import { guard, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { requireSession } from '../sessions';
import { idempotent } from '../idempotency';
import { proveFactor } from '../proof';
import { securityChange } from '../security-activity';
import { mfaStatus, ownedRequiringMfa } from '../views';
import { issueRecoveryCodes } from './enrollment';

/** Managing MFA once it is on: removing the authenticator app, renewing the recovery codes. */
export const mfaManageHandlers = [
  http.post(
    '/me/mfa/removal',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      return idempotent(request, user.id, body, async () => {
        rejectUnknownFields(body, ['code', 'recoveryCode', 'passkey']);
        const passkeysLeft = user.passkeys?.length ?? 0;
        // Refuse before checking the code, so an owner does not spend a recovery code for nothing.
        const owned = ownedRequiringMfa(user.id);
        if (user.mfa && passkeysLeft === 0 && owned.length > 0)
          throw new ProblemError(
            403,
            'owner_requires_mfa',
            'MFA is required for owners',
            `You own ${owned.map((o) => o.name).join(', ')}, which ${owned.length === 1 ? 'requires' : 'require'} MFA. Removing it would lock the organization's administration out. Turn off "MFA required" there or hand over ownership first.`,
            { parameters: { organizations: owned } },
          );
        if (user.mfa && !user.mfa.secret)
          throw new ProblemError(
            409,
            'mfa_not_enabled',
            'No authenticator app',
            'This account has no authenticator app set up.',
          );
        await proveFactor(request, user, session, body, { wrongStatus: 422 });
        user.mfaLock = { failures: 0, lockedUntil: 0 };
        db.revision++;
        const keepMfa = passkeysLeft > 0 && user.mfa !== null;
        if (user.mfa && keepMfa) {
          // Passkeys remain: MFA and the recovery codes stay; only the app goes.
          user.mfa = { ...user.mfa, secret: null, appEnabledAt: null };
        } else {
          user.mfa = null;
          // Sessions made with MFA no longer meet an organization's requirement.
          for (const s of db.sessions.values())
            if (s.userId === user.id) s.amr = s.amr.filter((m) => m !== 'mfa');
        }
        securityChange(user, { type: 'app_removed' }, { passkeysLeft: keepMfa });
        return response(200).json(mfaStatus(user), { headers: NO_STORE });
      });
    }),
  ),

  http.post(
    '/me/mfa/recovery-codes',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      return idempotent(
        request,
        user.id,
        body,
        async () => {
          rejectUnknownFields(body, ['code', 'recoveryCode', 'passkey']);
          await proveFactor(request, user, session, body, { wrongStatus: 422 });
          if (!user.mfa) throw new Error('proveSecondFactor lets only users with MFA through');
          const { codes, hashes } = issueRecoveryCodes(user);
          user.mfa.recoveryCodeHashes = hashes;
          securityChange(user, { type: 'recovery_codes_regenerated' });
          return response(200).json({ recoveryCodes: codes }, { headers: NO_STORE });
        },
        { secret: true },
      );
    }),
  ),
];
