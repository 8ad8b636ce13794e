import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { CodeProof } from '@/lib/code-entry';

export type Session = components['schemas']['Session'];
export type CurrentUser = components['schemas']['CurrentUser'];
export type OrganizationSummary = components['schemas']['OrganizationSummary'];
export type SignInResult = components['schemas']['SignInResult'];

export const signIn = (email: string, password: string, signOutOtherSessions = false) =>
  unwrap(
    api.POST('/auth/sign-in', {
      body: { email, password, ...(signOutOtherSessions ? { signOutOtherSessions } : {}) },
    }),
  );

export const completeMfa = (challengeId: string, proof: CodeProof) =>
  unwrap(api.POST('/auth/mfa', { body: { challengeId, ...proof } }));

export const signOut = () => unwrap(api.DELETE('/session'));
