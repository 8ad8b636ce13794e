import type { DbState } from './records';
import type { MfaRecord } from './account-records';
import { emailLocalPart, seededPersonName } from './person-names';
import { SEED_TIME } from './seed';
import { seededRandom } from './random';

/** Generated people cannot sign in; their shared MFA record only says "enabled". */
const GENERATED_MFA: MfaRecord = Object.freeze({
  secret: '',
  enabledAt: SEED_TIME - 90 * 86_400_000,
  lastUsedStep: 0,
  recoveryCodeHashes: [],
}) as MfaRecord;

/**
 * Initech's members: `size` people in all (its seeded owner included), about 70 % with MFA,
 * 1 % admins. Deterministic, so a reset or a reload gives the same organization.
 */
export function generateInitech(db: DbState, orgId: string, size: number): void {
  const members = db.memberships.get(orgId) ?? [];
  const next = seededRandom(4242);
  for (let i = 1; i < size; i++) {
    const id = `usr_ini_${i.toString(36).padStart(4, '0')}`;
    const name = seededPersonName(i * 13 + (i % 7));
    const email = `${emailLocalPart(name)}.${i}@initech.example`;
    const hasMfa = next() < 0.7;
    db.users.set(id, {
      id,
      email,
      name,
      passwordHash: '',
      mfa: hasMfa ? GENERATED_MFA : null,
      mfaLock: { failures: 0, lockedUntil: 0 },
    });
    members.push({ userId: id, role: next() < 0.01 ? 'admin' : 'member', lastRemindedAt: null });
  }
  db.memberships.set(orgId, members);
}
