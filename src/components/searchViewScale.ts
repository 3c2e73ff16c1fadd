// Shared by the search analysis plots: the objective's colour scale (viridis, readable with a
// colour-vision deficiency and in greyscale), axis ticks on linear and log scales, the width of
// a plot's box.
import { useEffect, useRef, useState } from 'react';
import { formatSig } from '../shared/format';

const VIRIDIS: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The colour of t in [0, 1]: dark purple (0) through teal to yellow (1). */
export function viridis(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const c = VIRIDIS[i].map((v, k) => Math.round(v + (VIRIDIS[i + 1][k] - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** The CSS gradient of the scale, for a legend. */
export const VIRIDIS_GRADIENT = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => viridis(t)).join(', ')})`;

/** A value's place in [min, max] on a linear or log scale (0.5 for a one-point span). */
export function scaleUnit(v: number, min: number, max: number, log: boolean): number {
  const useLog = log && min > 0 && max > 0;
  const a = useLog ? Math.log(min) : min;
  const b = useLog ? Math.log(max) : max;
  const x = useLog ? Math.log(Math.max(v, min)) : v;
  return b > a ? (x - a) / (b - a) : 0.5;
}

/** About `count` tick values over [min, max]: powers of ten (and 2, 5 between) on a log scale. */
export function ticks(min: number, max: number, log: boolean, count = 4): number[] {
  if (!(max > min)) return [min];
  if (log && min > 0) {
    const out: number[] = [];
    const lo = Math.floor(Math.log10(min));
    const hi = Math.ceil(Math.log10(max));
    const steps = hi - lo <= 2 ? [1, 2, 5] : [1];
    for (let e = lo; e <= hi; e++) for (const s of steps) {
      const v = s * 10 ** e;
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(Number(v.toPrecision(6)));
    }
    return out.length >= 2 ? out : [min, max];
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export const tickText = (v: number) => formatSig(v, 2);

/** The width of an element, following it as the page resizes (0 until measured). */
export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
