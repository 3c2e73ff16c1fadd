// Training-set augmentation for the 2-D sets: the data set's own label-preserving symmetry
// (where it has one) and Gaussian jitter, drawn fresh every epoch. Never used on validation or test.
import type { Augment } from '../shared/config';
import { DATASETS, DOMAIN, type DatasetKey, type PointsKey } from '../shared/datasets';
import { gaussian, type Rand } from './random';

type Map2 = (x: number, y: number, rand: Rand) => [number, number];

const pick = (maps: Map2[]): Map2 => (x, y, rand) => maps[Math.floor(rand() * maps.length)](x, y, rand);

/** Symmetries that keep every label, with how the page names them. */
export const SYMMETRIES: Partial<Record<PointsKey, { label: string; map: Map2 }>> = {
  // A ring around a disc looks the same turned by any angle.
  circle: {
    label: 'random rotation',
    map: (x, y, rand) => {
      const a = 2 * Math.PI * rand();
      return [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
    },
  },
  // The class is the sign of x₁x₂: turning by 180° or mirroring in a diagonal keeps it.
  xor: {
    label: 'random half-turn or diagonal mirror',
    map: pick([(x, y) => [x, y], (x, y) => [-x, -y], (x, y) => [y, x], (x, y) => [-y, -x]]),
  },
  // Both blobs sit on the diagonal x₁ = x₂.
  gaussian: { label: 'random mirror in the diagonal', map: pick([(x, y) => [x, y], (x, y) => [y, x]]) },
  // sin x₁ · cos(x₂/2) is even in x₂.
  wave: { label: 'random mirror x₂ → −x₂', map: pick([(x, y) => [x, y], (x, y) => [x, -y]]) },
};

/** Augmentation applies to the generated 2-D sets only (a table's columns have no plot units). */
export function isAugmenting(a: Augment, dataset: DatasetKey): dataset is PointsKey {
  if (DATASETS[dataset].kind !== 'points') return false;
  return a.jitter > 0 || (a.symmetry && SYMMETRIES[dataset as PointsKey] !== undefined);
}

const clamp = (v: number) => Math.max(-DOMAIN, Math.min(DOMAIN, v));

/** A fresh augmented copy of raw training coordinates (2n, interleaved); labels are unchanged. */
export function augmentPoints(raw: Float32Array, a: Augment, dataset: PointsKey, rand: Rand): Float32Array {
  const out = new Float32Array(raw.length);
  const sym = a.symmetry ? SYMMETRIES[dataset]?.map : undefined;
  for (let i = 0; i < raw.length; i += 2) {
    let [x, y] = sym ? sym(raw[i], raw[i + 1], rand) : [raw[i], raw[i + 1]];
    if (a.jitter > 0) {
      x += a.jitter * gaussian(rand);
      y += a.jitter * gaussian(rand);
    }
    out[i] = clamp(x);
    out[i + 1] = clamp(y);
  }
  return out;
}
