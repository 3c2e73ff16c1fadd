// Seeded generators for the built-in 2-D data sets. Shape and noise come from separate streams,
// so moving the noise slider jitters the same points instead of drawing new ones.
import { DATASETS, DOMAIN, type PointsKey } from '../shared/datasets';
import { gaussian, hashSeed, mulberry32, shuffleInPlace, type Rand } from './random';

export interface Points {
  n: number;
  /** Length 2n, interleaved x1, x2; both in [-DOMAIN, DOMAIN]. */
  x: Float32Array;
  /** Length n: class index 0..K-1 for classification, real target for regression. */
  y: Float32Array;
}

/** Clean point of a class; may draw any number of values from `shape`. */
type ClassShape = (label: number, shape: Rand) => [number, number];

interface ClassGen {
  shape: ClassShape;
  /** Std-dev of the positional jitter per unit of noise, in domain units. */
  jitter: number;
}

const TAU = 2 * Math.PI;
const MOON_SCALE = 3.5;

function polar(r: number, angle: number): [number, number] {
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

const CLASSIFIERS: Record<Exclude<PointsKey, 'plane' | 'wave'>, ClassGen> = {
  // Inner disc (class 1) and an outer ring (class 0), both uniform in area, 1 unit apart.
  circle: {
    jitter: 2,
    shape: (label, s) => {
      const r = label === 1 ? 2.5 * Math.sqrt(s()) : Math.sqrt(3.5 ** 2 + s() * (5 ** 2 - 3.5 ** 2));
      return polar(r, TAU * s());
    },
  },
  // Class 0 in quadrants I and III, class 1 in II and IV; a margin keeps clean data off the axes.
  xor: {
    jitter: 2,
    shape: (label, s) => {
      const margin = 0.5;
      const sx = s() < 0.5 ? -1 : 1;
      const sy = label === 0 ? sx : -sx;
      return [sx * (margin + s() * (5.5 - margin)), sy * (margin + s() * (5.5 - margin))];
    },
  },
  // Unit-σ blobs at (2,2) and (-2,-2); jitter widens them (σ ≈ 1.8 at noise 0.5).
  gaussian: {
    jitter: 3,
    shape: (label, s) => {
      const c = label === 0 ? 2 : -2;
      return [c + gaussian(s), c + gaussian(s)];
    },
  },
  // Two arms, 1.75 turns each out to radius 5, offset by half a turn.
  spiral: {
    jitter: 1.5,
    shape: (label, s) => {
      const u = s();
      return polar(5 * u, 1.75 * TAU * u + label * Math.PI);
    },
  },
  // scikit-learn's moons, centred and scaled; jitter equals its `noise` in unit-moon terms.
  moons: {
    jitter: MOON_SCALE,
    shape: (label, s) => {
      const t = Math.PI * s();
      const [mx, my] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      return [(mx - 0.5) * MOON_SCALE, (my - 0.25) * MOON_SCALE];
    },
  },
  // Three unit-σ blobs on a radius-3 circle, 120° apart (centres 5.2 apart).
  blobs: {
    jitter: 3,
    shape: (label, s) => {
      const [cx, cy] = polar(3, Math.PI / 2 + (label * TAU) / 3);
      return [cx + gaussian(s), cy + gaussian(s)];
    },
  },
};

/** Clean target over the domain, roughly in [-1, 1]. */
const REGRESSORS: Record<'plane' | 'wave', (x1: number, x2: number) => number> = {
  // Unequal slopes so the learnt weights of x1 and x2 are distinguishable.
  plane: (x1, x2) => (2 * x1 + x2) / (3 * DOMAIN),
  wave: (x1, x2) => Math.sin(x1) * Math.cos(x2 / 2),
};
/** Std-dev of the target noise per unit of noise (the clean plane has std ≈ 0.43). */
const TARGET_JITTER = 0.5;

function clampDomain(v: number): number {
  return v < -DOMAIN ? -DOMAIN : v > DOMAIN ? DOMAIN : v;
}

export function generateDataset(key: PointsKey, samples: number, noise: number, seed: number): Points {
  if (!Number.isInteger(samples) || samples < 0) throw new RangeError(`samples must be a whole number ≥ 0, got ${samples}`);
  if (!Number.isFinite(noise)) throw new RangeError(`noise must be finite, got ${noise}`);
  const level = Math.min(1, Math.max(0, noise));
  const n = samples;
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  const shape = mulberry32(hashSeed(seed, key, 'shape'));
  const jitter = mulberry32(hashSeed(seed, key, 'noise'));

  if (key === 'plane' || key === 'wave') {
    const f = REGRESSORS[key];
    for (let i = 0; i < n; i++) {
      const x1 = DOMAIN * (2 * shape() - 1);
      const x2 = DOMAIN * (2 * shape() - 1);
      x[2 * i] = x1;
      x[2 * i + 1] = x2;
      y[i] = f(x1, x2) + level * TARGET_JITTER * gaussian(jitter);
    }
    return { n, x, y };
  }

  const gen = CLASSIFIERS[key];
  const k = DATASETS[key].classes;
  // Round-robin labels give counts within 1 of each other; shuffling hides the pattern.
  const labels = Int32Array.from({ length: n }, (_, i) => i % k);
  shuffleInPlace(labels, mulberry32(hashSeed(seed, key, 'order')));
  const sigma = level * gen.jitter;
  for (let i = 0; i < n; i++) {
    const [cx, cy] = gen.shape(labels[i], shape);
    // Always draw both jitter values so point i keeps its offsets at every noise level.
    const jx = gaussian(jitter);
    const jy = gaussian(jitter);
    x[2 * i] = clampDomain(cx + sigma * jx);
    x[2 * i + 1] = clampDomain(cy + sigma * jy);
    y[i] = labels[i];
  }
  return { n, x, y };
}
