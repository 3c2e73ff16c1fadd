// Epochs per second from the epoch counter, averaged over the last couple of seconds.
import { useEffect, useRef, useState } from 'react';

const WINDOW_MS = 2000;

export function useRate(count: number, active: boolean): number | null {
  const samples = useRef<{ t: number; n: number }[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!active) {
      samples.current = [];
      return;
    }
    const now = performance.now();
    const s = samples.current;
    s.push({ t: now, n: count });
    while (s.length > 2 && now - s[0].t > WINDOW_MS) s.shift();
    const first = s[0];
    setRate(now - first.t > 250 ? ((count - first.n) * 1000) / (now - first.t) : null);
  }, [count, active]);
  return active ? rate : null;
}
