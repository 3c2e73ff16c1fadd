// Colour scales for the boundary heatmap and the points: class colours (orange, blue, green)
// and a diverging scale for regression values.
import type { OptimizerKey } from '../shared/config';

export type Rgb = [number, number, number];

/**
 * One colour per optimizer, the same wherever optimizers are drawn side by side (the race's
 * chart and table, the loss surface's paths); told apart with a colour-vision deficiency too.
 */
export const OPTIMIZER_COLORS: Record<OptimizerKey, string> = {
  sgd: '#2563eb',
  momentum: '#dc2626',
  adam: '#16a34a',
  rmsprop: '#9333ea',
  adagrad: '#0f766e',
};

export const CLASS_COLORS: Rgb[] = [
  [245, 147, 34],
  [8, 119, 189],
  [46, 160, 67],
];
export const WHITE: Rgb = [248, 248, 248];
const GREY: Rgb = [140, 140, 140];

/** A class index's colour; anything that is not a class index (e.g. a regression value) is grey, never a throw. */
export function classColor(y: number): Rgb {
  return Number.isInteger(y) && y >= 0 ? CLASS_COLORS[y % CLASS_COLORS.length] : GREY;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/** P(class 1) → orange through white to blue. */
export function binaryColor(p: number): Rgb {
  return p < 0.5 ? mix(CLASS_COLORS[0], WHITE, p * 2) : mix(WHITE, CLASS_COLORS[1], (p - 0.5) * 2);
}

/** The winning class's colour, paler the less sure the model is. */
export function multiColor(probs: ArrayLike<number>, offset: number, k: number): Rgb {
  let best = 0;
  for (let j = 1; j < k; j++) if (probs[offset + j] > probs[offset + best]) best = j;
  const confidence = (probs[offset + best] - 1 / k) / (1 - 1 / k);
  return mix(WHITE, CLASS_COLORS[best % CLASS_COLORS.length], 0.15 + 0.75 * confidence);
}

/** A regression value in about [-1, 1] → orange (low) through white to blue (high). */
export function valueColor(v: number): Rgb {
  return binaryColor((Math.max(-1, Math.min(1, v)) + 1) / 2);
}

export function css(c: Rgb): string {
  return `rgb(${c[0] | 0},${c[1] | 0},${c[2] | 0})`;
}

/** Colours of the kept runs' curves on the loss chart (and their keys in the runs lists). */
export const OVERLAY_COLORS = ['#7c3aed', '#059669', '#db2777', '#0891b2', '#a16207'];
