import type { OrgRecord, UserRecord } from './db';

/** The account's e-mail domain is one the organization verified: the organization manages it. */
export function isManaged(org: OrgRecord, user: UserRecord): boolean {
  const domain = user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase();
  return (org.verifiedDomains ?? []).some((d) => d.toLowerCase() === domain);
}
