import type { RequestHandler } from 'msw';
import { mockControls } from './mock-controls';
import { faultInjection } from './fault-injection';
import { headFromGet, unknownRoute } from './fallback-routes';
import { requestGuards } from './request-guards';
import { schedulerTick } from './scheduler-runner';
import { authHandlers } from './handlers/auth';
import { meHandlers } from './handlers/me';
import { orgHandlers } from './handlers/orgs';
import { enrollmentHandlers } from './handlers/enrollment';
import { mfaManageHandlers } from './handlers/mfa-manage';
import { enforcementHandlers } from './handlers/enforcement';
import { securityEventHandlers } from './handlers/security-events';
import { memberHandlers } from './handlers/members';
import { reminderHandlers } from './handlers/reminders';
import { passkeyRegistrationHandlers } from './handlers/passkey-registration';
import { passkeyHandlers } from './handlers/passkeys';
import { passkeyAuthHandlers } from './handlers/passkey-auth';
import { activityHandlers } from './handlers/activity';
import { mfaResetHandlers } from './handlers/mfa-reset';
import { scheduleHandlers } from './handlers/mfa-schedule';
import { scheduleInsightHandlers } from './handlers/schedule-insights';

/**
 * The mock API in the order MSW tries it: the request layer (size, type, cross-site), dev tools'
 * faults and `/__mock` controls, the scheduler's catch-up, the contract's routes (./handlers/),
 * `HEAD` from `GET`, and a 404 problem for anything else.
 */
export const handlers: RequestHandler[] = [
  ...requestGuards,
  faultInjection,
  ...mockControls,
  schedulerTick,
  ...authHandlers,
  ...meHandlers,
  ...enrollmentHandlers,
  ...mfaManageHandlers,
  ...orgHandlers,
  ...enforcementHandlers,
  ...securityEventHandlers,
  ...memberHandlers,
  ...reminderHandlers,
  headFromGet(() => handlers),
  ...passkeyRegistrationHandlers,
  ...passkeyHandlers,
  ...passkeyAuthHandlers,
  ...scheduleHandlers,
  ...scheduleInsightHandlers,
  ...activityHandlers,
  ...mfaResetHandlers,
  unknownRoute,
];
