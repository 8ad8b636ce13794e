import { createContext, type ReactNode } from 'react';

/**
 * The app's step-up, handed in by the page (features do not import each other). Actions that
 * need MFA proved in the last 10 minutes (the server's rule) ask `isRecent()` first and open
 * `dialog` when it is not; `button` ("Confirm with MFA") is for a step-up that expired while a
 * form was open, when the server answers `step_up_required`. `onDone` runs once the session has
 * proved MFA again.
 */
export interface StepUpSlot {
  isRecent: () => boolean;
  dialog: (props: { onDone: () => void; onCancel: () => void; why: string }) => ReactNode;
  button: (onDone: () => void) => ReactNode;
}
export const StepUpContext = createContext<StepUpSlot | null>(null);
