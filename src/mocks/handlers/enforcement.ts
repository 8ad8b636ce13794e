import { schemas } from '@/api/contract-values';
import { clock, db, nextId, type OrgRecord } from '../db';
import { badRequest, guard, ProblemError } from '../problems';
import { http } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { ifMatchHolds, requireIfMatch } from '../if-match';
import { requireManager, requireOrgAccess, type OrgContext } from '../org-access';
import { etagOf, securityView } from './orgs';

const MFA_METHODS = schemas.MfaMethods.enum;

/**
 * Changing enforcement needs an owner or admin who has MFA and whose session was made with it
 * (PRODUCT §5). The same rule applies in both directions: while MFA is required the session
 * already passed the organization's own `mfa` requirement, so turning it off never needs more.
 */
export function requireEnforcementRights(ctx: OrgContext): void {
  requireManager(ctx);
  if (!ctx.user.mfa) {
    throw new ProblemError(
      403,
      'mfa_not_enabled',
      'Not allowed',
      'Set up multi-factor authentication for your own account before changing this setting.',
    );
  }
  if (!ctx.session.amr.includes('mfa')) {
    throw new ProblemError(
      403,
      'session_without_mfa',
      'Not allowed',
      'This session was signed in without MFA. Confirm it with a code from your authenticator first.',
    );
  }
}

type MfaMethods = NonNullable<OrgRecord['mfaMethods']>;

function readMethods(body: Record<string, unknown>): MfaMethods | undefined {
  const value = body.mfaMethods;
  if (value === undefined) return undefined;
  const known = MFA_METHODS.find((m) => m === value);
  if (known === undefined)
    throw badRequest(
      `"mfaMethods" must be ${MFA_METHODS.map((m) => `"${m}"`).join(' or ')}.`,
      'mfaMethods',
    );
  return known;
}

/**
 * Requiring phishing-resistant methods needs an actor who has a passkey and whose session was
 * made with one, or the organization's administration would lock itself out.
 */
function requirePasskeyRights(ctx: OrgContext): void {
  if (!ctx.user.passkeys?.length)
    throw new ProblemError(
      403,
      'passkey_not_registered',
      'Not allowed',
      'Add a passkey or security key to your own account before requiring them.',
    );
  if (!ctx.session.amr.includes('hwk'))
    throw new ProblemError(
      403,
      'session_without_hwk',
      'Not allowed',
      'This session was not confirmed with a passkey. Confirm it with your passkey first.',
    );
}

function readUpdate(body: Record<string, unknown>): boolean {
  rejectUnknownFields(body, ['mfaRequired', 'mfaMethods']);
  const value = body.mfaRequired;
  if (value === undefined) {
    throw new ProblemError(400, 'missing_field', 'Invalid request', '"mfaRequired" is required.', {
      parameters: { parameter: 'mfaRequired' },
      errors: [{ field: 'mfaRequired', message: 'Required.' }],
    });
  }
  if (typeof value !== 'boolean') {
    throw new ProblemError(
      400,
      'invalid_type',
      'Invalid request',
      '"mfaRequired" must be true or false.',
      {
        parameters: { parameter: 'mfaRequired' },
        errors: [{ field: 'mfaRequired', message: 'Must be a boolean.' }],
      },
    );
  }
  return value;
}

/** The organization's "MFA required" switch and its methods (`any` or phishing-resistant). */
export const enforcementHandlers = [
  http.patch(
    '/orgs/{orgSlug}/security',
    guard(async ({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireEnforcementRights(ctx);
      const ifMatch = requireIfMatch(request);
      const body = await readJson(request);
      const mfaRequired = readUpdate(body);
      const { org, user } = ctx;
      const methods = readMethods(body) ?? org.mfaMethods ?? 'any';
      const methodsChanged = methods !== (org.mfaMethods ?? 'any');
      if (!ifMatchHolds(ifMatch, etagOf(org.version))) {
        throw new ProblemError(
          412,
          'precondition_failed',
          'Changed meanwhile',
          'Someone else changed this setting meanwhile. Review the current state and try again.',
          { parameters: { current: securityView(ctx) } },
          { ETag: etagOf(org.version) },
        );
      }
      // Asking for the state that already holds changes nothing: no new version, no event.
      if (mfaRequired && methods === 'phishing_resistant' && (methodsChanged || !org.mfaRequired))
        requirePasskeyRights(ctx);
      if (org.mfaRequired !== mfaRequired || methodsChanged) {
        const now = clock.now();
        org.mfaRequired = mfaRequired;
        org.mfaMethods = methods;
        org.updatedAt = now;
        org.updatedBy = user.id;
        org.version++;
        db.events.push({
          id: nextId('evt'),
          orgId: org.id,
          type: mfaRequired ? 'mfa_enforcement_enabled' : 'mfa_enforcement_disabled',
          actorId: user.id,
          at: now,
          details: methods === 'phishing_resistant' ? { mfaMethods: methods } : {},
        });
      }
      return response(200).json(securityView(ctx), { headers: { ETag: etagOf(org.version) } });
    }),
  ),
];
