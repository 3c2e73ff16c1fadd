// Passes a fast-changing value on at most once per `ms`, always ending on the latest value, so
// an expensive view (the SVG chart) redraws a few times a second however fast metrics arrive.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const id = setTimeout(
      () => {
        last.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}
