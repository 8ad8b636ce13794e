import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { activeJobsQuery } from '../api';

/** Jobs shown: the running ones the server reports (after a reload) and the ones started here. */
export function useJobs(orgSlug: string) {
  const active = useQuery(activeJobsQuery(orgSlug));
  // Once seen, a job stays on screen after it finishes, so its outcome can be read.
  const [known, setKnown] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const fresh = (active.data ?? []).map((j) => j.id).filter((id) => !known.includes(id));
  if (fresh.length > 0) setKnown([...known, ...fresh]);
  const ids = useMemo(() => known.filter((id) => !dismissed.includes(id)), [known, dismissed]);
  return {
    ids,
    watch: useCallback((id: string) => setKnown((k) => (k.includes(id) ? k : [...k, id])), []),
    dismiss: (id: string) => setDismissed((d) => [...d, id]),
  };
}
