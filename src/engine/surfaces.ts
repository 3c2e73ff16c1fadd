// The lab's loss surfaces as tf ops, for tfjs's optimizers to step on (src/worker/lrLabApi.ts).
// The same formulas in plain numbers, with each surface's range and defaults, are in
// src/shared/surfaces.ts (the page draws contours from those; surfaces.test.ts checks they agree).
import * as tf from '@tensorflow/tfjs-core';
import type { SurfaceKey } from '../shared/lrLab';
import { LOGISTIC_X, LOGISTIC_Y, ROSENBROCK_A, ROSENBROCK_B, VALLEY_KAPPA } from '../shared/surfaces';

/** The surface's value at (x, y), elementwise (scalars for a path, vectors for a test). */
export function surfaceOp(key: SurfaceKey, x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    switch (key) {
      case 'valley':
        return tf.mul(0.5, tf.add(tf.square(x), tf.mul(VALLEY_KAPPA, tf.square(y))));
      case 'rosenbrock':
        return tf.add(tf.square(tf.sub(ROSENBROCK_A, x)), tf.mul(ROSENBROCK_B, tf.square(tf.sub(y, tf.square(x)))));
      case 'logistic': {
        // Mean binary cross-entropy of σ(w·xᵢ + b) over the data set, from the logits (stable);
        // w and b may carry a leading batch shape, the data set is the last axis.
        const xs = tf.tensor1d(LOGISTIC_X);
        const ys = tf.tensor1d(LOGISTIC_Y);
        const z = tf.add(tf.mul(tf.expandDims(x, -1), xs), tf.expandDims(y, -1));
        return tf.mean(tf.sub(tf.softplus(z), tf.mul(ys, z)), -1);
      }
    }
  });
}
