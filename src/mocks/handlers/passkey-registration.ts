import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { authenticatorName } from '../aaguid-names';
import { clock, db, type PasskeyRecord } from '../db';
import { badRequest, guard, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { requireSession } from '../sessions';
import { idempotent } from '../idempotency';
import { securityChange } from '../security-activity';
import { mfaStatus, sessionView } from '../views';
import { findCredential, passkeysOf, validName } from '../user-passkeys';
import { registrationOptions, takeChallenge } from '../webauthn-challenges';
import { verifyRegistration } from '../webauthn-verify';
import { issueRecoveryCodes } from './enrollment';
import { passkeyView } from './passkeys';

/** Adding a passkey: the registration options (a challenge), then the browser's answer. */
export const passkeyRegistrationHandlers = [
  http.post(
    '/me/passkeys/registration-options',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      // Adding a method to an account with MFA needs a session that proved it.
      if (user.mfa && !session.amr.includes('mfa'))
        throw new ProblemError(
          403,
          'session_without_mfa',
          'Confirm it is you',
          'This session was signed in without MFA. Confirm it with your authenticator app, a passkey or a recovery code first.',
        );
      const options = await registrationOptions(request, user, session.id);
      return response(200).json(options, { headers: NO_STORE });
    }),
  ),

  http.post(
    '/me/passkeys',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      return idempotent(
        request,
        user.id,
        body,
        async () => {
          rejectUnknownFields(body, ['challengeId', 'credential', 'name']);
          const suggested = body.name === undefined ? null : validName(body.name);
          if (typeof body.credential !== 'object' || body.credential === null)
            throw badRequest(
              '"credential" must be the browser\'s registration response.',
              'credential',
            );
          const record = takeChallenge(
            body.challengeId,
            { purpose: 'registration', userId: user.id, boundTo: session.id },
            400,
          );
          const verified = await verifyRegistration(
            request,
            record,
            body.credential as RegistrationResponseJSON,
          );
          if (findCredential(verified.id))
            throw new ProblemError(
              409,
              'passkey_already_registered',
              'Already registered',
              'This passkey or security key is already registered. Use another one, or keep using this one as it is.',
            );
          const now = clock.now();
          const passkey: PasskeyRecord = {
            ...verified,
            name: authenticatorName(verified.aaguid) ?? suggested ?? 'Passkey',
            createdAt: now,
            lastUsedAt: null,
          };
          user.passkeys = [...passkeysOf(user), passkey];
          // The first method of any kind turns MFA on and issues recovery codes.
          let recoveryCodes: string[] | null = null;
          if (!user.mfa) {
            const issued = issueRecoveryCodes(user);
            recoveryCodes = issued.codes;
            user.mfa = {
              secret: null,
              enabledAt: now,
              appEnabledAt: null,
              lastUsedStep: 0,
              recoveryCodeHashes: issued.hashes,
            };
            user.mfaLock = { failures: 0, lockedUntil: 0 };
          }
          db.revision++;
          for (const m of ['hwk', 'mfa']) if (!session.amr.includes(m)) session.amr.push(m);
          securityChange(
            user,
            { type: 'passkey_added' },
            {
              passkeyName: passkey.name,
              note: recoveryCodes
                ? 'Multi-factor authentication is now on and 10 recovery codes were created.'
                : undefined,
            },
          );
          return response(201).json(
            {
              passkey: passkeyView(passkey),
              recoveryCodes,
              mfa: mfaStatus(user),
              session: sessionView(session, user),
            },
            { headers: NO_STORE },
          );
        },
        { secret: true },
      );
    }),
  ),
];
