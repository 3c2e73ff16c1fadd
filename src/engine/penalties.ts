// Weight penalties added to the training loss: Σ over weight layers of λ₁‖w‖₁ + λ₂‖w‖₂², on the
// kernels (not biases), with one λ per layer (a global λ is the same number for each).
import * as tf from '@tensorflow/tfjs-core';

export function weightPenalty(kernels: readonly tf.Tensor[], l1: readonly number[], l2: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    kernels.forEach((w, i) => {
      if (l1[i] > 0) total = tf.add(total, tf.mul(l1[i], tf.sum(tf.abs(w))));
      if (l2[i] > 0) total = tf.add(total, tf.mul(l2[i], tf.sum(tf.square(w))));
    });
    return total;
  });
}
