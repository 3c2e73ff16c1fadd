// Scores one search trial: k models trained on k−1 folds of the training + validation pool and
// validated on the held-out fold (k = 1: the plain validation split). The test split is never used.
import { featurize, gatherRows, gatherValues, gridInputs } from '../data/features';
import { generateDataset } from '../data/generators';
import { splitDataset } from '../data/split';
import { Trainer, type TrainerData } from '../engine/trainer';
import { stratifiedFolds, summarize, trainingIndices } from '../search/kfold';
import type { ExperimentConfig } from '../shared/config';
import { DATASETS } from '../shared/datasets';
import type { TrialResult, TrialSpec } from '../shared/protocol';

/** The (train, validation) index pairs of a trial's folds, as indices into the points. */
export function foldPairs(c: ExperimentConfig, y: Float32Array, k: number): { train: Int32Array; val: Int32Array }[] {
  const info = DATASETS[c.dataset];
  const split = splitDataset(y, { problem: info.problem, trainPct: c.trainPct, valPct: c.valPct, seed: c.seed, classes: info.classes });
  if (k <= 1) return [{ train: split.train, val: split.val }];
  const pool = Int32Array.from([...split.train, ...split.val]).sort();
  const folds = stratifiedFolds(gatherValues(y, pool), k, { seed: c.seed, stratify: info.problem === 'classification', classes: info.classes });
  const toPoints = (local: Int32Array) => local.map((i) => pool[i]);
  return folds.map((held, i) => ({ train: toPoints(trainingIndices(folds, i)), val: toPoints(held) }));
}

export async function crossValidate(spec: TrialSpec, cancelled: () => boolean): Promise<TrialResult | null> {
  const start = performance.now();
  const c = spec.config;
  const points = generateDataset(c.dataset, c.samples, c.noise, c.seed);
  const width = c.features.length;
  const all = featurize(points.x, points.n, c.features);
  const part = (idx: Int32Array) => ({ x: gatherRows(all, width, idx), y: gatherValues(points.y, idx), n: idx.length });
  const grid = gridInputs(2, c.features);
  const scores: number[] = [];
  for (const pair of foldPairs(c, points.y, spec.folds)) {
    const data: TrainerData = {
      inputs: width,
      classes: DATASETS[c.dataset].classes,
      train: part(pair.train),
      val: part(pair.val),
      test: part(new Int32Array(0)),
      grid,
      trainRaw: gatherRows(points.x, 2, pair.train),
    };
    const t = new Trainer(data, c, 0);
    try {
      while (t.epoch < spec.epochs) {
        if (cancelled()) return null;
        t.trainEpoch();
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
  return { folds: scores, ...summarize(scores), ms: performance.now() - start };
}
