// Helpers shared by the engine's tests (imported by *.test.ts only; nothing in the app uses them).
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../data/random';
import type { ExperimentConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/protocol';
import { prepareData } from '../worker/prepareData';
import type { OutputKind } from './model';
import { Trainer } from './trainer';

/** A seeded random batch: inputs in [−2, 2), and targets for the output kind (one-hot, 0/1 or a value). */
export function randomBatch(rows: number, inputs: number, outputs: number, kind: OutputKind, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const r = mulberry32(seed);
  const x = tf.tensor2d(Array.from({ length: rows * inputs }, () => r() * 4 - 2), [rows, inputs]);
  let y: tf.Tensor2D;
  if (kind === 'softmax') y = tf.cast(tf.oneHot(tf.tensor1d(Array.from({ length: rows }, () => Math.floor(r() * outputs)), 'int32'), outputs), 'float32') as tf.Tensor2D;
  else if (kind === 'sigmoid') y = tf.tensor2d(Array.from({ length: rows }, () => (r() < 0.5 ? 0 : 1)), [rows, 1]);
  else y = tf.tensor2d(Array.from({ length: rows }, () => r() * 2 - 1), [rows, 1]);
  return { x, y };
}

/**
 * Builds a trainer, hands it to `body` and always disposes it (the model's variables have fixed
 * names, so a leftover trainer would break the next test).
 */
export async function withTrainer<T>(c: ExperimentConfig, body: (t: Trainer) => Promise<T>, run = 0): Promise<T> {
  const t = new Trainer(prepareData(c).data, c, run);
  try {
    return await body(t);
  } finally {
    t.dispose();
  }
}

/** Trains `epochs` epochs, flushing every `flushEvery` like the worker's periodic reads; returns all metrics since the last flush. */
export async function trainEpochs(t: Trainer, epochs: number, flushEvery = 5): Promise<EpochMetrics[]> {
  const out: EpochMetrics[] = [];
  for (let e = 0; e < epochs; e++) {
    t.trainEpoch();
    if (e % flushEvery === flushEvery - 1) out.push(...(await t.flush()));
  }
  out.push(...(await t.flush()));
  return out;
}
