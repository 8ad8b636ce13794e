import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/api/query-keys';
import { cancelEnrollment, useStartEnrollment, type TotpEnrollment } from '../api';

/**
 * The enrollment behind a setup: started (or started over), verified, or abandoned. The secret
 * and the recovery codes live only in this state; an enrollment the flow leaves unfinished
 * (closed, or navigated away from) is cancelled on the server, so its secret is destroyed there.
 */
export function useSetupEnrollment({ onStarted }: { onStarted: () => void }) {
  const client = useQueryClient();
  const start = useStartEnrollment();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const verified = codes !== null;

  // The enrollment to cancel if this flow goes away unfinished (closed, or navigated away from).
  const unfinished = useRef<string | null>(null);
  unfinished.current = enrollment && !verified ? enrollment.id : null;
  const cleanup = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(cleanup.current);
    return () => {
      // Deferred, so React's development double mount does not cancel a live enrollment.
      const id = unfinished.current;
      if (id) cleanup.current = setTimeout(() => void discard(id), 0);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on unmount only
  }, []);

  async function discard(id: string) {
    await cancelEnrollment(id).catch(() => undefined);
    await client.invalidateQueries({ queryKey: queryKeys.me.mfa() });
  }

  async function begin(replacing?: string) {
    setStartError(null);
    try {
      const created = await start.mutateAsync({ replacing });
      setEnrollment(created);
      onStarted();
    } catch (error) {
      setStartError(error);
    } finally {
      // The answer carried the secret: keep it only in this component's state.
      start.reset();
    }
  }

  /** The code was right: MFA is on, and the secret is not needed in this browser any more. */
  function verify(recoveryCodes: string[]) {
    setCodes(recoveryCodes);
    setEnrollment(null);
  }

  /** The flow is closing: cancel an unfinished enrollment now rather than on unmount. */
  function abandon() {
    const id = unfinished.current;
    unfinished.current = null;
    if (id) void discard(id);
  }

  return {
    enrollment,
    startError,
    codes,
    verified,
    starting: start.isPending,
    begin,
    verify,
    abandon,
  };
}
