import { useEffect, useState } from 'react';

/** Re-renders every `ms` milliseconds: dev tools panels that show the mock's live state. */
export function useTick(ms: number) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
}
