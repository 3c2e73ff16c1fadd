// Whether a CSS media query matches now, re-rendering when that changes (e.g. a phone rotated).
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** Below this width the page is one column and the live view is a sticky strip (styles.css agrees). */
export const NARROW = '(max-width: 800px)';
