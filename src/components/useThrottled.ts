// Passes a fast-changing value on at most once per `ms`, always ending on the latest value, so
// an expensive view (the SVG chart) redraws a few times a second however fast metrics arrive,
// as an interruptible transition so it never blocks the page for long.
import { startTransition, useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const id = setTimeout(
      () => {
        last.current = performance.now();
        // A transition: React renders the slow view in slices, yielding to input between them.
        startTransition(() => setShown(value));
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}
