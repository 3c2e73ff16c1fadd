// Losses and metrics on logits. Cross-entropies use the numerically stable logit forms;
// MSE compares the output activation (probabilities or values) with the targets.
import * as tf from '@tensorflow/tfjs-core';
import type { LossKey } from '../shared/config';
import type { OutputKind } from './model';

/** The network's output after its final activation. */
export function outputOf(logits: tf.Tensor2D, kind: OutputKind): tf.Tensor2D {
  if (kind === 'sigmoid') return tf.sigmoid(logits);
  if (kind === 'softmax') return tf.softmax(logits);
  return logits;
}

/** Mean data loss over the rows (no penalty terms). */
export function dataLoss(loss: LossKey, logits: tf.Tensor2D, y: tf.Tensor2D, kind: OutputKind): tf.Scalar {
  switch (loss) {
    case 'bce':
      // max(z,0) - z·y + log(1 + e^-|z|) equals -y log σ(z) - (1-y) log(1-σ(z)) without overflow.
      return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, y)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));
    case 'cce':
      return tf.mean(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1)));
    case 'mse':
      return tf.mean(tf.squaredDifference(outputOf(logits, kind), y));
  }
}

/** Share of rows classified correctly; targets are 0/1 columns (binary) or one-hot rows. */
export function accuracy(logits: tf.Tensor2D, y: tf.Tensor2D, kind: OutputKind): tf.Scalar {
  if (kind === 'softmax') return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32'));
  // σ(z) > 0.5 exactly when z > 0.
  return tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), y), 'float32'));
}
