// Weight penalties added to the training loss: λ₁‖w‖₁ + λ₂‖w‖₂² over the kernels (not biases).
import * as tf from '@tensorflow/tfjs-core';

export function weightPenalty(kernels: readonly tf.Tensor[], l1: number, l2: number): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    for (const w of kernels) {
      if (l1 > 0) total = tf.add(total, tf.mul(l1, tf.sum(tf.abs(w))));
      if (l2 > 0) total = tf.add(total, tf.mul(l2, tf.sum(tf.square(w))));
    }
    return total;
  });
}
