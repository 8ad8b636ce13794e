import type { DbState } from './records';
import type { UserRecord } from './account-records';
import type { MembershipRecord, Role } from './org-records';
import { base32, seededBytes, seededRandom } from './random';
import { formatRecoveryCode, hashPassword, hashRecoveryCode } from './credentials';
import { emailLocalPart, seededPersonName } from './person-names';

export const DEMO_PASSWORD = 'nimbus-demo';
export const ACME_ID = 'org_acme';
export const GLOBEX_ID = 'org_globex';
export const INITECH_ID = 'org_initech';

/** The seed's own "now": seeded dates (MFA enabled, last reminded) sit before it. */
export const SEED_TIME = Date.UTC(2026, 9, 1, 9, 0, 0);
const DAY = 86_400_000;

export interface DemoAccount {
  id: string;
  name: string;
  email: string;
  secret: string | null;
  summary: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    id: 'usr_olivia',
    name: 'Olivia Owner',
    email: 'olivia@example.com',
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    summary: 'MFA on · owner of Acme Corp and Initech',
  },
  {
    id: 'usr_adam',
    name: 'Adam Admin',
    email: 'adam@example.com',
    secret: null,
    summary: 'No MFA · admin of Acme Corp',
  },
  {
    id: 'usr_mia',
    name: 'Mia Member',
    email: 'mia@example.com',
    secret: null,
    summary: 'No MFA · member of Acme Corp and Globex',
  },
  {
    id: 'usr_gus',
    name: 'Gus Grant',
    email: 'gus@example.com',
    secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
    summary: 'MFA on · owner of Globex',
  },
];

/** The seeded accounts' recovery codes are deterministic so demos and tests can use them. */
export function seededRecoveryCodes(userId: string): string[] {
  let seed = 0;
  for (const ch of userId) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const next = seededRandom(seed);
  return Array.from({ length: 10 }, () => formatRecoveryCode(seededBytes(next, 10)));
}

const ACME_PEOPLE: { name: string | null; email: string; mfa: boolean; role?: Role }[] = [
  { name: '<script>alert("pwned")</script>', email: 'script@acme.example', mfa: false },
  { name: '<img src=x onerror=alert(1)> Irene', email: 'irene@acme.example', mfa: true },
  {
    name: 'Maximiliana Bartholomew-Featherstonehaugh Cholmondeley-Wolfeschlegelsteinhausen von Montgomery-Llewellyn-Ravensworth III',
    email: 'maximiliana@acme.example',
    mfa: false,
  },
  { name: 'مريم الحسيني', email: 'maryam@acme.example', mfa: true },
  { name: 'שרה כהן', email: 'sarah.cohen@acme.example', mfa: false },
  { name: '🦊 Foxy 🚀 Launch', email: 'foxy@acme.example', mfa: false },
  { name: null, email: 'no-name@acme.example', mfa: false },
  { name: '=HYPERLINK("http://evil.example","click")', email: 'formula@acme.example', mfa: false },
  { name: 'Robert "Bobby" Tables, Jr.', email: 'bobby@acme.example', mfa: true },
  { name: 'Line\nBreak', email: 'newline@acme.example', mfa: false },
  { name: 'Ana Admin', email: 'ana@acme.example', mfa: true, role: 'admin' },
];

function makeUser(
  id: string,
  name: string | null,
  email: string,
  secret: string | null,
): UserRecord {
  return {
    id,
    email,
    name,
    passwordHash: hashPassword(id, DEMO_PASSWORD),
    mfa: secret
      ? {
          secret,
          enabledAt: SEED_TIME - 40 * DAY,
          lastUsedStep: 0,
          recoveryCodeHashes: seededRecoveryCodes(id).map((c) => hashRecoveryCode(id, c)),
        }
      : null,
    mfaLock: { failures: 0, lockedUntil: 0 },
  };
}

function seededSecret(next: () => number): string {
  return base32(seededBytes(next, 20));
}

export function seedWorld(db: DbState): void {
  const next = seededRandom(20261001);
  const add = (user: UserRecord) => {
    db.users.set(user.id, user);
    db.usersByEmail.set(user.email.toLowerCase(), user.id);
  };
  for (const account of DEMO_ACCOUNTS)
    add(makeUser(account.id, account.name, account.email, account.secret));

  const org = (id: string, slug: string, name: string, mfaRequired: boolean, sso: string | null) =>
    db.orgs.set(id, {
      id,
      slug,
      name,
      mfaRequired,
      ssoProvider: sso,
      updatedAt: mfaRequired ? SEED_TIME - 30 * DAY : null,
      updatedBy: mfaRequired ? 'usr_gus' : null,
      version: 1,
    });
  org(ACME_ID, 'acme', 'Acme Corp', false, null);
  org(GLOBEX_ID, 'globex', 'Globex', true, 'acme');
  org(INITECH_ID, 'initech', 'Initech', false, null);
  // Acme Corp verified acme.example: its generated people are managed accounts (PRODUCT §8.4).
  const acmeOrg = db.orgs.get(ACME_ID);
  if (acmeOrg) acmeOrg.verifiedDomains = ['acme.example'];

  // Acme Corp: 48 people, 29 (60 %) with MFA, including names that test rendering.
  const acme: MembershipRecord[] = [
    { userId: 'usr_olivia', role: 'owner', lastRemindedAt: null },
    { userId: 'usr_adam', role: 'admin', lastRemindedAt: null },
    { userId: 'usr_mia', role: 'member', lastRemindedAt: null },
  ];
  ACME_PEOPLE.forEach((p, i) => {
    const id = `usr_acme_${String(i + 1).padStart(2, '0')}`;
    add(makeUser(id, p.name, p.email, p.mfa ? seededSecret(next) : null));
    acme.push({ userId: id, role: p.role ?? 'member', lastRemindedAt: null });
  });
  let withMfa = 1 + ACME_PEOPLE.filter((p) => p.mfa).length;
  for (let i = acme.length; i < 48; i++) {
    const id = `usr_acme_${String(i - 2).padStart(2, '0')}`;
    const name = seededPersonName(i * 7);
    const email = `${emailLocalPart(name)}@acme.example`;
    const hasMfa = withMfa < 29;
    if (hasMfa) withMfa++;
    add(makeUser(id, name, email, hasMfa ? seededSecret(next) : null));
    // One person without MFA was reminded yesterday: the 24-hour cooldown is visible in the demo.
    acme.push({
      userId: id,
      role: 'member',
      lastRemindedAt: !hasMfa && i === 47 ? SEED_TIME - 3 * 3_600_000 : null,
    });
  }
  db.memberships.set(ACME_ID, acme);

  // Globex: 12 people, MFA and SSO (acme) required.
  const globex: MembershipRecord[] = [
    { userId: 'usr_gus', role: 'owner', lastRemindedAt: null },
    { userId: 'usr_mia', role: 'member', lastRemindedAt: null },
  ];
  for (let i = 0; i < 10; i++) {
    const id = `usr_globex_${String(i + 1).padStart(2, '0')}`;
    const name = seededPersonName(i * 5 + 3);
    add(makeUser(id, name, `${emailLocalPart(name)}@globex.example`, seededSecret(next)));
    globex.push({ userId: id, role: i < 2 ? 'admin' : 'member', lastRemindedAt: null });
  }
  db.memberships.set(GLOBEX_ID, globex);

  // Initech: only its owner is seeded; the other 99,999 are generated on first use.
  db.memberships.set(INITECH_ID, [{ userId: 'usr_olivia', role: 'owner', lastRemindedAt: null }]);
}
