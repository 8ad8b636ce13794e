// Generated from src/api/openapi.yaml by tools/gen-contract-values.ts (`npm run gen:api`).
// Do not edit: tests/unit/api-types.test.ts fails when this file and the contract differ.

/** `#/x-limits`: limits that hold for every operation. */
export const limits = { requestBodyMaxBytes: 524288, stringMaxLength: 400 } as const;

/** `#/components/schemas` */
export const schemas = {
  Passkey: { properties: { name: { maxLength: 64 } } },
  PublicKeyCredentialJSON: { properties: { type: { const: 'public-key' } } },
  Role: { enum: ['owner', 'admin', 'member'] },
  MfaFilterValue: { enum: ['enabled', 'disabled'] },
  SignInRequest: { properties: { email: { maxLength: 320 }, password: { maxLength: 400 } } },
  SignedIn: {
    properties: { status: { const: 'signed_in' }, recoveryCodesRemaining: { minimum: 0 } },
  },
  MfaRequired: {
    properties: {
      status: { const: 'mfa_required' },
      challenge: {
        properties: { methods: { items: { enum: ['totp', 'recovery_code', 'passkey'] } } },
      },
    },
  },
  MfaChallengeRequest: {
    properties: {
      challengeId: { maxLength: 400 },
      code: { maxLength: 400 },
      recoveryCode: { maxLength: 400 },
    },
  },
  CodeProof: { properties: { code: { maxLength: 400 }, recoveryCode: { maxLength: 400 } } },
  TotpCode: { properties: { code: { maxLength: 400 } } },
  MfaStatus: { properties: { method: { enum: ['totp', null] } } },
  OrganizationSecurity: {
    properties: {
      viewer: {
        properties: {
          reason: { enum: ['forbidden_role', 'mfa_not_enabled', 'session_without_mfa', null] },
        },
      },
    },
  },
  MfaMethods: { enum: ['any', 'phishing_resistant'] },
  MfaMethodKind: { enum: ['app', 'passkey'] },
  MemberFilter: { properties: { q: { maxLength: 200 } } },
  ReminderRequest: { properties: { userIds: { minItems: 1, maxItems: 10000 } } },
  ReminderJob: { properties: { status: { enum: ['running', 'completed', 'cancelled'] } } },
  SecurityEvent: {
    properties: {
      type: {
        enum: [
          'mfa_enforcement_enabled',
          'mfa_enforcement_disabled',
          'reminders_sent',
          'mfa_schedule_created',
          'mfa_schedule_changed',
          'mfa_schedule_cancelled',
          'mfa_schedule_took_effect',
          'scheduled_reminder_sent',
          'mfa_reset_requested',
          'mfa_reset_approved',
          'mfa_reset_declined',
          'mfa_reset_expired',
          'mfa_reset',
        ],
      },
    },
  },
  SecurityActivity: {
    properties: {
      type: {
        enum: [
          'signed_in',
          'app_added',
          'app_removed',
          'passkey_added',
          'passkey_removed',
          'recovery_codes_regenerated',
          'recovery_code_used',
          'mfa_reset',
          'mfa_locked',
        ],
      },
      method: { enum: ['password', 'totp', 'recovery_code', 'passkey'] },
      recoveryCodesRemaining: { minimum: 0 },
    },
  },
  MfaResetCreate: { properties: { reason: { maxLength: 500 } } },
  MfaResetRequest: {
    properties: { status: { enum: ['pending', 'completed', 'declined', 'expired'] } },
  },
  TotpEnrollment: {
    properties: { algorithm: { const: 'SHA1' }, digits: { const: 6 }, period: { const: 30 } },
  },
  RecoveryCodes: { properties: { recoveryCodes: { minItems: 10, maxItems: 10 } } },
  EnrollmentVerified: { properties: { recoveryCodes: { minItems: 10, maxItems: 10 } } },
  ReminderWaveKey: { enum: ['now', '7d', '3d', '1d'] },
  MfaScheduleWave: {
    properties: { status: { enum: ['planned', 'sending', 'sent', 'missed', 'cancelled'] } },
  },
  MfaSchedule: {
    properties: {
      status: { enum: ['none', 'scheduled', 'cancelled', 'in_effect'] },
      viewer: {
        properties: {
          reason: { enum: ['forbidden_role', 'mfa_not_enabled', 'session_without_mfa', null] },
        },
      },
    },
  },
  MfaAdoption: { properties: { days: { maxItems: 400 } } },
} as const;

/** `#/components/parameters` */
export const parameters = {
  OrgSlug: { schema: { pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } },
  PasskeyId: { schema: { maxLength: 200 } },
  IdempotencyKey: { schema: { minLength: 8, maxLength: 128 } },
  IdempotencyKeyRequired: { schema: { minLength: 8, maxLength: 128 } },
  Page: { schema: { default: 1, minimum: 1 } },
  MemberListPage: { schema: { default: 1, minimum: 1, maximum: 1000000 } },
  PerPage: { schema: { enum: [10, 25, 50, 100], default: 25 } },
  MemberSort: {
    schema: {
      enum: [
        'name',
        '-name',
        'email',
        '-email',
        'role',
        '-role',
        'mfa',
        '-mfa',
        'lastRemindedAt',
        '-lastRemindedAt',
      ],
      default: 'name',
    },
  },
  MemberQuery: { schema: { maxLength: 200 } },
} as const;

/** `#/components/headers` */
export const headers = { NoStore: { schema: { const: 'no-store' } } } as const;

/** `#/paths/…/parameters`: each operation's own parameters, by operationId and name. */
export const operations = {
  signInWithSso: { parameters: { provider: { schema: { pattern: '^[a-z0-9-]{1,40}$' } } } },
  listMySecurityActivity: {
    parameters: {
      cursor: { schema: { maxLength: 64 } },
      limit: { schema: { default: 10, minimum: 1, maximum: 50 } },
    },
  },
  listReminderJobs: {
    parameters: { status: { schema: { enum: ['active', 'recent', 'all'], default: 'all' } } },
  },
  getMfaAdoption: {
    parameters: { tz: { schema: { default: 'UTC', minLength: 1, maxLength: 64 } } },
  },
} as const;
