import { createContext } from 'react';
import type { Member } from '../api';

/** What a row's More menu can do, given by the list (member-security.tsx). */
export interface RowActions {
  remind: (member: Member) => void;
  /** The person whose single reminder is on its way (their Remind is disabled meanwhile). */
  pendingId: string | null;
  canManage: boolean;
  /** More → Reset MFA… of a managed account (absent: not offered); `opener`: the More button. */
  resetMfa?: (member: Member, opener: HTMLElement | null) => void;
  /** The viewer's role: admins cannot reset owners (the server checks again). */
  viewerRole?: Member['role'];
}

export const RowActionsContext = createContext<RowActions>({
  remind: () => {},
  pendingId: null,
  canManage: false,
});
