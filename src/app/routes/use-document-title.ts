import { useEffect } from 'react';
import { BRAND } from '@/lib/brand';

/** "Security · Acme Corp · Nimbus": the page, where it is, the brand (parts left out when unknown). */
export const documentTitle = (...parts: (string | null | undefined)[]) =>
  [...parts.filter(Boolean), BRAND.name].join(' · ');

/** Each page names itself in the tab and to screen readers (announced on navigation). */
export function useDocumentTitle(...parts: (string | null | undefined)[]) {
  const title = documentTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
