import { createContext, useContext, type ReactNode } from 'react';
import type { DemoAccount } from '@/features/auth/sign-in-form';

export interface AppOptions {
  /** Mock mode only: demo accounts listed on the sign-in page. */
  demo?: { accounts: DemoAccount[]; password: string; note: string };
  /** Mock mode only: the development tools panel. */
  devtools?: ReactNode;
}

const OptionsContext = createContext<AppOptions>({});
export const AppOptionsProvider = OptionsContext.Provider;
export const useAppOptions = () => useContext(OptionsContext);
