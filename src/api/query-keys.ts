import type { components, operations } from './schema';

type ListQuery = NonNullable<operations['listMembers']['parameters']['query']>;
type ReminderRequest = components['schemas']['ReminderRequest'];

/**
 * The one cache-key tree, general to specific (STYLE.md, "Data"). Invalidating a prefix refreshes
 * everything under it:
 *
 *   ['session']                                    the session (amr, expiry)
 *   ['me']                                         everything about the signed-in person
 *     ['me', 'profile'] · ['me', 'mfa', 'status'] · ['me', 'passkeys'] · ['me', 'security-activity']
 *   ['org-list']                                   the organizations the person belongs to
 *   ['org', slug]                                  everything about one organization
 *     'security' · 'security-events' (pages) · 'mfa-schedule' (+ 'adoption') · 'mfa-reset-requests'
 *     'members' → 'summary' · 'list' (per view) · 'reminder-preview' · person's 'reminders'
 *               · 'reminder-jobs' → 'active' · one job
 *
 * No key array is written anywhere else (ESLint `no-restricted-syntax` on `queryKey: [...]`).
 * Secrets and recovery codes never get a key: they live only in the component that shows them.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  me: {
    all: () => ['me'] as const,
    profile: () => [...queryKeys.me.all(), 'profile'] as const,
    mfa: () => [...queryKeys.me.all(), 'mfa'] as const,
    mfaStatus: () => [...queryKeys.me.mfa(), 'status'] as const,
    passkeys: () => [...queryKeys.me.all(), 'passkeys'] as const,
    activity: () => [...queryKeys.me.all(), 'security-activity'] as const,
  },
  orgList: () => ['org-list'] as const,
  org: {
    all: (orgSlug: string) => ['org', orgSlug] as const,
    security: (orgSlug: string) => [...queryKeys.org.all(orgSlug), 'security'] as const,
    events: (orgSlug: string) => [...queryKeys.org.all(orgSlug), 'security-events'] as const,
    eventsPage: (orgSlug: string, page: number) =>
      [...queryKeys.org.events(orgSlug), page] as const,
    schedule: (orgSlug: string) => [...queryKeys.org.all(orgSlug), 'mfa-schedule'] as const,
    adoption: (orgSlug: string, timeZone: string) =>
      [...queryKeys.org.schedule(orgSlug), 'adoption', timeZone] as const,
    resetRequests: (orgSlug: string) =>
      [...queryKeys.org.all(orgSlug), 'mfa-reset-requests'] as const,
    members: (orgSlug: string) => [...queryKeys.org.all(orgSlug), 'members'] as const,
    summary: (orgSlug: string) => [...queryKeys.org.members(orgSlug), 'summary'] as const,
    memberList: (orgSlug: string, view: ListQuery) =>
      [...queryKeys.org.members(orgSlug), 'list', view] as const,
    reminderPreview: (orgSlug: string, body: ReminderRequest | null) =>
      [...queryKeys.org.members(orgSlug), 'reminder-preview', body] as const,
    reminderHistory: (orgSlug: string, userId: string) =>
      [...queryKeys.org.members(orgSlug), 'person', userId, 'reminders'] as const,
    jobs: (orgSlug: string) => [...queryKeys.org.members(orgSlug), 'reminder-jobs'] as const,
    activeJobs: (orgSlug: string) => [...queryKeys.org.jobs(orgSlug), 'active'] as const,
    job: (orgSlug: string, jobId: string) =>
      [...queryKeys.org.jobs(orgSlug), 'job', jobId] as const,
  },
};

/** Whether a cached query belongs to organization `orgSlug` (it sits under its prefix). */
export function isOrgKey(key: readonly unknown[], orgSlug: string): boolean {
  const prefix = queryKeys.org.all(orgSlug);
  return prefix.every((part, i) => key[i] === part);
}
