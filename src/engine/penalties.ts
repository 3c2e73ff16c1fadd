// Weight penalties added to the training loss: Σ over weight layers of λ₁‖w‖₁ + λ₂‖w‖₂², on the
// kernels (not biases), with one λ per layer (a global λ is the same number for each).
import * as tf from '@tensorflow/tfjs-core';

/**
 * Σ|w| whose slope is sign(w): 0 at a weight of exactly 0, as PyTorch differentiates |w|.
 * tfjs's own `abs` has slope −1 there, so with the Zeros initializer every L1 step would push
 * all weights to −λα, then flip them around 0 step after step.
 */
const sumAbs = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const w = args[0] as tf.Tensor;
  (args[1] as tf.GradSaveFunc)([w]);
  return { value: tf.sum(tf.abs(w)), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, tf.sign(saved[0])) };
}) as (w: tf.Tensor) => tf.Scalar;

export function weightPenalty(kernels: readonly tf.Tensor[], l1: readonly number[], l2: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    kernels.forEach((w, i) => {
      if (l1[i] > 0) total = tf.add(total, tf.mul(l1[i], sumAbs(w)));
      if (l2[i] > 0) total = tf.add(total, tf.mul(l2[i], tf.sum(tf.square(w))));
    });
    return total;
  });
}
