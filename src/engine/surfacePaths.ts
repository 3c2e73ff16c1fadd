// Each optimizer's path on a two-parameter loss surface: two tf variables from the same start,
// stepped by tfjs's own optimizers (createOptimizer, as the Training panel's formulas describe),
// every point kept on the device and read once at the end.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { OptimizerKey } from '../shared/config';
import type { SurfacePath, SurfaceRequest } from '../shared/lrLab';
import { inBounds, reachedAt, SURFACES } from '../shared/surfaces';
import { createOptimizer, disposeOptimizer } from './optimizers';
import { surfaceOp } from './surfaces';

/** The most steps a path may take (the slider's top). */
export const MAX_SURFACE_STEPS = 1000;

/** One optimizer's path: every point, cut where it first left the plot far behind or went non-finite. */
async function onePath(req: SurfaceRequest, optimizer: OptimizerKey): Promise<SurfacePath> {
  const s = SURFACES[req.surface];
  const steps = Math.max(0, Math.min(MAX_SURFACE_STEPS, Math.floor(req.steps)));
  // tidy frees the scalars the variables are made from (a variable keeps its own copy).
  const [x, y] = tf.tidy(() => req.start.map((v) => tf.variable(tf.scalar(v), true)));
  const opt = createOptimizer({ optimizer, lr: req.lr, momentum: req.momentum, beta1: req.beta1, beta2: req.beta2, epsilon: req.epsilon ?? 1e-7 });
  const trail: tf.Tensor[] = [tf.stack([x, y])];
  let flat: Float32Array;
  try {
    for (let i = 0; i < steps; i++) {
      opt.minimize(() => surfaceOp(req.surface, x, y) as tf.Scalar, false, [x, y]);
      trail.push(tf.stack([x, y]));
    }
    // One read for the whole path. A diverging path just runs on as NaN until it is cut below:
    // cheaper than a read per step to notice it.
    const all = tf.concat(trail);
    flat = (await all.data()) as Float32Array;
    all.dispose();
  } finally {
    tf.dispose(trail);
    tf.dispose([x, y]);
    disposeOptimizer(opt);
  }
  const points: number[] = [];
  let escaped = false;
  for (let i = 0; i * 2 < flat.length; i++) {
    const px = flat[2 * i];
    const py = flat[2 * i + 1];
    if (!inBounds(s, px, py)) {
      escaped = true;
      break;
    }
    points.push(px, py);
  }
  const values = points.filter((_, i) => i % 2 === 0).map((px, i) => s.value(px, points[2 * i + 1]));
  return { optimizer, points, values, reached: reachedAt(s, points), escaped };
}

export async function surfacePaths(req: SurfaceRequest): Promise<SurfacePath[]> {
  if (!SURFACES[req.surface]) throw new Error(`unknown surface '${String(req.surface)}'`);
  if (!(req.lr > 0) || !Number.isFinite(req.lr)) throw new Error(`the learning rate must be a positive number; got ${req.lr}`);
  const out: SurfacePath[] = [];
  for (const o of req.optimizers) out.push(await onePath(req, o));
  return out;
}
