// Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_ does it: when the L2 norm
// of all gradients together exceeds `maxNorm`, every gradient is scaled by maxNorm / (norm + 1e-6),
// so the step keeps its direction and its length is capped. Pure tfjs: the caller owns the tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { VariableGradient } from './leanStep';

/** torch's guard against a zero norm in clip_grad_norm_ (the exported script uses the same). */
export const CLIP_EPS = 1e-6;

export interface Clipped {
  grads: VariableGradient[];
  /** The global norm before clipping (a scalar on the device). */
  norm: tf.Scalar;
  /** 1 when this step was clipped, else 0 (a scalar on the device: counting needs no download). */
  hit: tf.Scalar;
}

/**
 * Scales the gradients so that their global L2 norm is at most `maxNorm` (> 0). Gradients whose
 * norm is already within it are returned as they are (torch multiplies by a factor clamped at 1,
 * which is the same). Everything stays on the device.
 */
export function clipByGlobalNorm(grads: readonly VariableGradient[], maxNorm: number): Clipped {
  if (!(maxNorm > 0)) throw new RangeError(`the clip norm must be > 0; got ${maxNorm}`);
  if (grads.length === 0) return { grads: [], norm: tf.scalar(0), hit: tf.scalar(0) };
  const norm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g.tensor))))) as tf.Scalar;
  const hit = tf.cast(tf.greater(norm, maxNorm), 'float32') as tf.Scalar;
  // min(1, maxNorm / (norm + ε)): exactly 1 (no change) for small gradients.
  const scale = tf.minimum(tf.div(maxNorm, tf.add(norm, CLIP_EPS)), 1);
  return { grads: grads.map((g) => ({ name: g.name, tensor: tf.mul(g.tensor, scale) })), norm, hit };
}
