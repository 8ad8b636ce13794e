/**
 * The records of a person's account: who they are, their MFA and passkeys, their sign-in steps
 * and sessions, and their own security activity.
 */

/**
 * The person's MFA: on while they have any method (an authenticator app and/or passkeys).
 * `secret` is the app's; null when the person has only passkeys.
 */
export interface MfaRecord {
  secret: string | null;
  enabledAt: number;
  /** When the app was set up (absent in older saved state: then `enabledAt`). */
  appEnabledAt?: number | null;
  /** The last TOTP time step accepted for this user: each code works once. */
  lastUsedStep: number;
  /** SHA-256 of each recovery code; null once used. */
  recoveryCodeHashes: (string | null)[];
  /** Hashes of recovery codes already used: sending one again is a duplicate, not a guess. */
  usedRecoveryCodeHashes?: string[];
}

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  /** sha256(salt:password); empty for generated people, who cannot sign in. */
  passwordHash: string;
  mfa: MfaRecord | null;
  /** Passkeys and security keys (WebAuthn); absent in older saved state. */
  passkeys?: PasskeyRecord[];
  /** Consecutive wrong sign-in codes and the lock they caused. */
  mfaLock: { failures: number; lockedUntil: number };
  /** Set when an organization reset their MFA: the next sign-in leads to setup. */
  mfaSetupRequired?: boolean;
  /** When any organization last reminded this person (the cooldown is per person). */
  lastRemindedAt?: number | null;
}

/** A WebAuthn credential: its public key and metadata, never a private part. */
export interface PasskeyRecord {
  /** Credential id, base64url. */
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  aaguid: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** A WebAuthn challenge: single use, 5 minutes, bound to a session or a password step. */
export interface WebAuthnChallengeRecord {
  id: string;
  challenge: string;
  purpose: 'registration' | 'step_up' | 'second_factor' | 'passwordless';
  /** The person it was made for (null for a sign-in without a password). */
  userId: string | null;
  /** The session (registration, step-up) or password step (second factor) it belongs to. */
  boundTo: string | null;
  rpId: string;
  expiresAt: number;
}

/** Account-level security events (not tied to an organization). */
export interface AccountEventRecord {
  id: string;
  userId: string;
  type: 'passkey_counter_regressed' | 'passkey_added' | 'passkey_removed';
  at: number;
  details: Record<string, string | number>;
}

export interface SessionRecord {
  id: string;
  userId: string;
  amr: string[];
  createdAt: number;
  expiresAt: number;
  /** When this session last proved MFA (sign-in or step-up). */
  mfaAt?: number;
}

export interface ChallengeRecord {
  id: string;
  userId: string;
  expiresAt: number;
  /** The sign-in asked to end the person's other sessions once it completes. */
  signOutOtherSessions?: boolean;
}

export interface EnrollmentRecord {
  id: string;
  userId: string;
  secret: string;
  createdAt: number;
  expiresAt: number;
  failures: number;
}

export type ActivityType =
  | 'signed_in'
  | 'app_added'
  | 'app_removed'
  | 'passkey_added'
  | 'passkey_removed'
  | 'recovery_codes_regenerated'
  | 'recovery_code_used'
  | 'mfa_reset'
  | 'mfa_locked';

/** One entry of a person's own security activity (My profile → Security). */
export interface ActivityRecord {
  id: string;
  userId: string;
  type: ActivityType;
  at: number;
  method?: 'password' | 'totp' | 'recovery_code' | 'passkey';
  recoveryCodesRemaining?: number;
  actorId?: string;
  orgId?: string;
  reason?: string;
  lockedUntil?: number;
}

export interface SignInFailureRecord {
  /** Consecutive wrong passwords for this e-mail address (known account or not). */
  failures: number;
  lockedUntil: number;
}
