// The loss surfaces of the learning-rate lab as plain numbers: each surface's formula, plot range,
// minimum, default start and rate. The page draws the contours from `value`; the lab worker steps
// tfjs's optimizers on the same formulas written as tf ops (src/engine/surfaces.ts, tested equal).
import type { SurfaceKey } from './lrLab';

export interface SurfaceInfo {
  key: SurfaceKey;
  /** Plot range of the first and second parameter; both spans are in the plot's 3:2 proportion. */
  x: [number, number];
  y: [number, number];
  /** What the two parameters are, for the axes. */
  labels: [string, string];
  /** The default start: far enough from the minimum that the paths differ. */
  start: [number, number];
  minimum: [number, number];
  /** A path has reached the minimum once it is within this distance of it. */
  radius: number;
  /** A rate at which plain gradient descent neither diverges nor stands still here. */
  lr: number;
  steps: number;
  value(x: number, y: number): number;
}

/** The long valley's steepness ratio κ: f = ½(x² + κy²), curvature 1 along x and κ along y. */
export const VALLEY_KAPPA = 25;

/** Rosenbrock's constants: f = (a − x)² + b(y − x²)², minimum at (a, a²). */
export const ROSENBROCK_A = 1;
export const ROSENBROCK_B = 100;

/**
 * A small fixed 1-D two-class data set for a logistic regression σ(w·x + b): the classes
 * overlap (two points on the wrong side), so the mean cross-entropy has a finite minimum.
 */
export const LOGISTIC_X = [-3, -2.2, -1.6, -1, -0.5, 0.4, -0.2, 0.6, 1.1, 1.7, 2.4, 3.1];
export const LOGISTIC_Y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Mean binary cross-entropy of σ(w·x + b) on the data set: −y log σ(z) − (1 − y) log(1 − σ(z)) = softplus(z) − y z. */
export function logisticLoss(w: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < LOGISTIC_X.length; i++) {
    const z = w * LOGISTIC_X[i] + b;
    sum += softplus(z) - LOGISTIC_Y[i] * z;
  }
  return sum / LOGISTIC_X.length;
}

/** The logistic loss's minimum by Newton's method (it is convex; a dozen steps reach float precision). */
export function logisticMinimum(): [number, number] {
  let w = 0;
  let b = 0;
  const n = LOGISTIC_X.length;
  for (let it = 0; it < 50; it++) {
    let gw = 0;
    let gb = 0;
    let hww = 0;
    let hwb = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const x = LOGISTIC_X[i];
      const p = 1 / (1 + Math.exp(-(w * x + b)));
      const r = p - LOGISTIC_Y[i];
      const s = p * (1 - p);
      gw += (r * x) / n;
      gb += r / n;
      hww += (s * x * x) / n;
      hwb += (s * x) / n;
      hbb += s / n;
    }
    const det = hww * hbb - hwb * hwb;
    const dw = (hbb * gw - hwb * gb) / det;
    const db = (hww * gb - hwb * gw) / det;
    w -= dw;
    b -= db;
    if (Math.abs(dw) + Math.abs(db) < 1e-12) break;
  }
  return [w, b];
}

const LOGISTIC_MIN = logisticMinimum();

export const SURFACES: Record<SurfaceKey, SurfaceInfo> = {
  valley: {
    key: 'valley',
    x: [-6, 6],
    y: [-4, 4],
    labels: ['x', 'y'],
    start: [-5, 2],
    minimum: [0, 0],
    radius: 0.25,
    lr: 0.03,
    steps: 150,
    value: (x, y) => 0.5 * (x * x + VALLEY_KAPPA * y * y),
  },
  rosenbrock: {
    key: 'rosenbrock',
    x: [-2, 2],
    y: [-0.75, 1.9166666666666667],
    labels: ['x', 'y'],
    start: [-1.5, 1.5],
    minimum: [ROSENBROCK_A, ROSENBROCK_A * ROSENBROCK_A],
    radius: 0.1,
    lr: 0.001,
    steps: 300,
    value: (x, y) => (ROSENBROCK_A - x) ** 2 + ROSENBROCK_B * (y - x * x) ** 2,
  },
  logistic: {
    key: 'logistic',
    x: [-4, 8],
    y: [-4, 4],
    labels: ['w', 'b'],
    start: [-3, 3],
    minimum: LOGISTIC_MIN,
    radius: 0.25,
    lr: 1,
    steps: 150,
    value: logisticLoss,
  },
};

/** How far outside its plot a path may go before it is cut short (in spans of the plot). */
export const ESCAPE_SPANS = 2;

/** Whether a point is finite and within ESCAPE_SPANS of the surface's plot. */
export function inBounds(s: SurfaceInfo, x: number, y: number): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const wx = (s.x[1] - s.x[0]) * ESCAPE_SPANS;
  const wy = (s.y[1] - s.y[0]) * ESCAPE_SPANS;
  return x > s.x[0] - wx && x < s.x[1] + wx && y > s.y[0] - wy && y < s.y[1] + wy;
}

/** The first point (index into the path, 0 = start) within the surface's radius of its minimum, or null. */
export function reachedAt(s: SurfaceInfo, points: readonly number[]): number | null {
  const [mx, my] = s.minimum;
  for (let i = 0; i * 2 < points.length; i++) {
    if (Math.hypot(points[2 * i] - mx, points[2 * i + 1] - my) <= s.radius) return i;
  }
  return null;
}

/** Log-spaced contour levels between the surface's minimum value and the largest in its plot. */
export function contourLevels(min: number, max: number, count = 14): number[] {
  // Levels above the minimum by a log-spaced amount: the rings crowd near the bottom, where the
  // paths end, instead of all sitting on the steep walls.
  const lo = Math.max((max - min) * 1e-4, 1e-6);
  const hi = max - min;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(min + lo * Math.pow(hi / lo, i / (count - 1)));
  return out;
}
