import { useEffect, useRef, type ReactNode } from 'react';
import { Title } from '@mantine/core';

/** Each step's heading takes focus when the step opens, so screen readers announce it. */
export function StepHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={3} size="h4" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
