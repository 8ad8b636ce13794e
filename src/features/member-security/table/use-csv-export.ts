import { useCallback, useState } from 'react';
import { errorMessage } from '@/api/problem';
import { fetchMembersCsv, type ListParams } from '../api';
import type { NoticeState } from '../reminders/notice';

/**
 * Download the server's CSV of the current filter. fetch + Blob rather than a link: the mock
 * backend (a service worker) does not see download navigations, and a real API gets the same
 * request with the session cookie.
 */
export function useCsvExport(
  orgSlug: string,
  view: ListParams,
  setNotice: (n: NoticeState | null) => void,
) {
  const [pending, setPending] = useState(false);
  const run = useCallback(async () => {
    setPending(true);
    try {
      const blob = await fetchMembersCsv(orgSlug, {
        sort: view.sort,
        ...(view.q ? { q: view.q } : {}),
        ...(view.mfa ? { mfa: view.mfa } : {}),
        ...(view.role ? { role: view.role } : {}),
        ...(view.method ? { method: view.method } : {}),
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${orgSlug}-members.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setNotice({ tone: 'error', text: `The CSV could not be exported. ${errorMessage(error)}` });
    } finally {
      setPending(false);
    }
  }, [orgSlug, view, setNotice]);
  const start = useCallback(() => void run(), [run]);
  return { pending, run: start };
}
