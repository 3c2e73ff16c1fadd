// The five optimizers, built from the experiment's settings, and a live learning-rate change
// that keeps the optimizer's state (momentum, Adam's moments) intact.
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../shared/config';

export type OptimizerSettings = Pick<ExperimentConfig, 'optimizer' | 'lr' | 'momentum' | 'beta1' | 'beta2' | 'epsilon'>;

export function createOptimizer(s: OptimizerSettings): tf.Optimizer {
  switch (s.optimizer) {
    case 'sgd':
      return tf.train.sgd(s.lr);
    case 'momentum':
      return tf.train.momentum(s.lr, s.momentum);
    case 'adam':
      return tf.train.adam(s.lr, s.beta1, s.beta2, s.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(s.lr, 0.9, 0, s.epsilon);
    case 'adagrad':
      return tf.train.adagrad(s.lr);
  }
}

/** Frees an optimizer and its state, including the learning-rate scalar tfjs's momentum keeps. */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  if (opt.getClassName() === 'Momentum') (opt as unknown as { c: tf.Tensor }).c.dispose();
}

/** Settings that need a fresh optimizer (its state is shaped by them) rather than an edit. */
export function needsNewOptimizer(a: OptimizerSettings, b: OptimizerSettings): boolean {
  return a.optimizer !== b.optimizer || a.momentum !== b.momentum || a.beta1 !== b.beta1 || a.beta2 !== b.beta2 || a.epsilon !== b.epsilon;
}

/** Changes the step size in place; the next step uses it. */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  // tfjs's optimizer classes answer `instanceof` by duck typing, so ask for the class by name.
  const name = opt.getClassName();
  if (name === 'SGD' || name === 'Momentum') (opt as tf.SGDOptimizer).setLearningRate(lr);
  else (opt as unknown as { learningRate: number }).learningRate = lr;
}
