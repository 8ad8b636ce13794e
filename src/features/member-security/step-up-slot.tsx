import { createContext, type ReactNode } from 'react';

/**
 * The app's step-up button ("Confirm with MFA"), handed in by the page (features do not import
 * each other). `onDone` runs once the session has proved MFA again.
 */
export type StepUpSlot = (onDone: () => void) => ReactNode;
export const StepUpContext = createContext<StepUpSlot | null>(null);
