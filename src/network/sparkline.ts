// The layer-health sparklines' pure logic: one log-scale range shared by every row of a metric
// (so a vanishing gradient in layer 1 sits visibly below the last layer's), and the SVG path.

/** Rule of thumb for the update/weight ratio: about 1e-3 per step. */
export const RATIO_GUIDE = 1e-3;

/**
 * [lo, hi] over the positive finite values of all `rows` (and `include`, e.g. a guide line), a little
 * padded in log space; a flat range is widened to a decade. Null when there is nothing to draw.
 */
export function sharedLogRange(rows: readonly (readonly (number | null)[])[], include?: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number | null) => {
    if (v !== null && Number.isFinite(v) && v > 0) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  for (const r of rows) for (const v of r) see(v);
  if (lo === Infinity) return null;
  if (include !== undefined) see(include);
  let a = Math.log10(lo);
  let b = Math.log10(hi);
  if (b - a < 1e-9) {
    a -= 0.5;
    b += 0.5;
  }
  const pad = (b - a) * 0.05;
  return [10 ** (a - pad), 10 ** (b + pad)];
}

/** y in pixels (0 at the top) of a positive value on a log range `height` high. */
export function logY(v: number, range: [number, number], height: number): number {
  const [lo, hi] = range.map(Math.log10);
  return height - ((Math.log10(v) - lo) / (hi - lo)) * height;
}

/**
 * An SVG path through (xs[i], ys[i]) on a `width` × `height` box, x linear from the first to the
 * last x, y on the log range; a value that is null, zero or not finite breaks the line there.
 */
export function sparkPath(xs: readonly number[], ys: readonly (number | null)[], range: [number, number], width: number, height: number): string {
  const x0 = xs[0];
  const span = xs.length > 1 && xs[xs.length - 1] !== x0 ? xs[xs.length - 1] - x0 : 1;
  let d = '';
  let pen = false;
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i];
    if (v === null || !Number.isFinite(v) || v <= 0) {
      pen = false;
      continue;
    }
    const x = xs.length > 1 ? ((xs[i] - x0) / span) * width : width;
    const y = logY(v, range, height);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The last value that is not null, or null. */
export function lastValue(ys: readonly (number | null)[]): number | null {
  for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== null) return ys[i];
  return null;
}
