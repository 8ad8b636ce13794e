import type { MfaResetRequest } from './reset-api';

/** What a Reset MFA… did, in one sentence. */
export function resetOutcome(r: MfaResetRequest): string {
  const name = r.target.name ?? r.target.email;
  return r.status === 'pending'
    ? `Reset of ${name}'s MFA requested. Another owner or admin must approve it within 24 hours; it is listed under MFA reset requests.`
    : `MFA of ${name} reset. They set it up again at their next sign-in and got an e-mail about it.${r.singleApprover ? ' No second approval was needed: you are the only owner or admin with MFA.' : ''}`;
}
