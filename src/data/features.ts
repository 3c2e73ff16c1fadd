// Turns raw 2-D points into the network's input columns, for training rows and for the
// heatmap grid alike, so both always see exactly the same transformation.
import type { FeatureKey } from '../shared/config';
import { DOMAIN } from '../shared/datasets';

/**
 * x1 and x2 are divided by this (domain [-6, 6] becomes [-2, 2]) so inputs are of order 1;
 * squares and the product use the scaled values (so lie in [0, 4] and [-4, 4]). sin uses the
 * raw coordinate, since its period is what makes it useful on the wave data set.
 */
export const FEATURE_SCALE = 3;

const FEATURE_FNS: Record<FeatureKey, (r1: number, r2: number) => number> = {
  x1: (r1) => r1 / FEATURE_SCALE,
  x2: (_r1, r2) => r2 / FEATURE_SCALE,
  x1sq: (r1) => (r1 / FEATURE_SCALE) ** 2,
  x2sq: (_r1, r2) => (r2 / FEATURE_SCALE) ** 2,
  x1x2: (r1, r2) => (r1 / FEATURE_SCALE) * (r2 / FEATURE_SCALE),
  sinx1: (r1) => Math.sin(r1),
  sinx2: (_r1, r2) => Math.sin(r2),
};

/** n rows × features.length columns, row-major, from 2n interleaved raw coordinates. */
export function featurize(x: Float32Array, n: number, features: readonly FeatureKey[]): Float32Array {
  if (x.length < 2 * n) throw new RangeError(`need ${2 * n} coordinates, got ${x.length}`);
  const fns = features.map((f) => FEATURE_FNS[f]);
  const w = fns.length;
  const out = new Float32Array(n * w);
  for (let i = 0; i < n; i++) {
    const r1 = x[2 * i];
    const r2 = x[2 * i + 1];
    for (let j = 0; j < w; j++) out[i * w + j] = fns[j](r1, r2);
  }
  return out;
}

/** The rows `idx` of a row-major matrix `width` wide. */
export function gatherRows(features: Float32Array, width: number, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length * width);
  for (let k = 0; k < idx.length; k++) {
    const from = idx[k] * width;
    for (let j = 0; j < width; j++) out[k * width + j] = features[from + j];
  }
  return out;
}

export function gatherValues(y: Float32Array, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = y[idx[k]];
  return out;
}

/**
 * Raw coordinates (2·res² interleaved) of the centres of a res×res grid of equal cells tiling
 * [-DOMAIN, DOMAIN]²: row 0 is the top (largest x2), columns run left to right (x1 ascending),
 * so cell (r, c) is pixel (c, r) of an image stretched over the plot.
 */
export function gridCoordinates(resolution: number): Float32Array {
  if (!Number.isInteger(resolution) || resolution < 1) throw new RangeError(`resolution must be a whole number ≥ 1, got ${resolution}`);
  const cell = (2 * DOMAIN) / resolution;
  const out = new Float32Array(2 * resolution * resolution);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const i = r * resolution + c;
      out[2 * i] = -DOMAIN + (c + 0.5) * cell;
      out[2 * i + 1] = DOMAIN - (r + 0.5) * cell;
    }
  }
  return out;
}

/** Featurized inputs of the heatmap grid (see gridCoordinates for the layout). */
export function gridInputs(resolution: number, features: readonly FeatureKey[]): Float32Array {
  return featurize(gridCoordinates(resolution), resolution * resolution, features);
}
