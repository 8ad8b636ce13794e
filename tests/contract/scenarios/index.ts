import { authScenarios } from './auth';
import { limitScenarios } from './limits';
import { meScenarios } from './me';
import { mfaResetScenarios } from './mfa-reset';
import { memberScenarios } from './members';
import { orgScenarios } from './orgs';
import { passkeyScenarios } from './passkeys';
import { refusalScenarios } from './refusals';
import { reminderScenarios } from './reminders';
import { scheduleScenarios } from './schedule';

/** The behaviour tests, by area; each starts from a fresh demo world when the server allows. */
export const scenarios: Record<string, () => void> = {
  'without a session': refusalScenarios,
  'request limits': limitScenarios,
  'signing in': authScenarios,
  'my profile and MFA': meScenarios,
  passkeys: passkeyScenarios,
  organizations: orgScenarios,
  members: memberScenarios,
  reminders: reminderScenarios,
  'MFA resets': mfaResetScenarios,
  'rollout schedule': scheduleScenarios,
};
