// Scores one search trial: k models trained on k−1 folds of the training + validation pool and
// validated on the held-out fold (k = 1: the plain validation split). The test split is never used.
import * as tf from '@tensorflow/tfjs-core';
import { gatherRows, gatherValues } from '../data/features';
import { Trainer, type TrainerData } from '../engine/trainer';
import { foldsValid, stratifiedFolds, summarize, trainingIndices } from '../search/kfold';
import type { EngineKey, ExperimentConfig } from '../shared/config';
import type { TrialResult, TrialSpec } from '../search/types';
import { loadSource, type SourceData } from './dataSource';
import { pickFor } from './backends';
import { breather } from './workerBase';

/** The (train, validation) index pairs of a trial's folds, as indices into the rows. */
export function foldPairs(c: Pick<ExperimentConfig, 'seed'>, src: Pick<SourceData, 'y' | 'split' | 'problem' | 'classes'>, k: number): { train: Int32Array; val: Int32Array }[] {
  const { split, y } = src;
  if (k <= 1) return [{ train: split.train, val: split.val }];
  const pool = Int32Array.from([...split.train, ...split.val]).sort();
  const labels = gatherValues(y, pool);
  const classification = src.problem === 'classification';
  const why = foldsValid(Array.from(labels), k, classification ? src.classes : 1);
  if (why) throw new Error(why);
  const folds = stratifiedFolds(labels, k, { seed: c.seed, stratify: classification, classes: src.classes });
  const toRows = (local: Int32Array) => local.map((i) => pool[i]);
  return folds.map((held, i) => ({ train: toRows(trainingIndices(folds, i)), val: toRows(held) }));
}

/**
 * A table's inputs re-standardized on one fold's training rows, so the held-out fold never
 * informs the scaling (standardizing standardized values again is the same as standardizing the
 * raw ones with the fold's statistics).
 */
export function restandardize(src: SourceData, train: Int32Array): Float32Array {
  if (!src.encoded) return src.x;
  const x = src.x.slice();
  const w = src.width;
  for (const col of src.encoded.numericInputs) {
    let sum = 0;
    for (const r of train) sum += x[r * w + col];
    const mean = sum / train.length;
    let sq = 0;
    for (const r of train) sq += (x[r * w + col] - mean) ** 2;
    const std = Math.sqrt(sq / train.length) || 1;
    for (let r = 0; r < src.n; r++) x[r * w + col] = (x[r * w + col] - mean) / std;
  }
  return x;
}

export async function crossValidate(spec: TrialSpec, cancelled: () => boolean): Promise<TrialResult | null> {
  const start = performance.now();
  const c = spec.config;
  const src = await loadSource(c);
  const grid = src.grid.slice(0, Math.min(src.grid.length, 4 * src.width));
  const scores: number[] = [];
  for (const pair of foldPairs(c, src, spec.folds)) {
    const x = spec.folds > 1 ? restandardize(src, pair.train) : src.x;
    const part = (idx: Int32Array) => ({ x: gatherRows(x, src.width, idx), y: gatherValues(src.y, idx), n: idx.length });
    const data: TrainerData = {
      inputs: src.width,
      classes: src.classes,
      train: part(pair.train),
      val: part(pair.val),
      test: part(new Int32Array(0)),
      grid,
      trainRaw: gatherRows(src.plot, 2, pair.train),
    };
    await pickFor(data, c);
    const t = new Trainer(data, c, 0);
    try {
      const breathe = breather();
      while (t.epoch < spec.epochs) {
        if (cancelled()) return null;
        // Nothing else in this loop waits on the event loop: let pings and a cancel in, within an
        // epoch too (one epoch of a wide network at batch size 1 takes seconds).
        await t.trainEpochPaced(breathe);
        // Read a few times per trial: early stopping decides there, and the device stays in step.
        if (t.epoch % 25 === 0 || t.epoch === spec.epochs) {
          await t.flush();
          if (t.takeStop()) break;
        }
      }
      await t.flush();
      const r = await t.evaluate('val');
      scores.push(spec.objective === 'accuracy' ? (r.accuracy ?? NaN) : r.loss);
    } finally {
      t.dispose();
    }
  }
  return { folds: scores, ...summarize(scores), ms: performance.now() - start, backend: tf.getBackend() as EngineKey };
}
