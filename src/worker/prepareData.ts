// Turns an experiment config into what a Trainer needs: generated points, the split, the
// featurized inputs of each split and of the boundary grid. Pure; runs in the worker and in tests.
import { generateDataset, type Points } from '../data/generators';
import { featurize, gatherRows, gatherValues, gridInputs } from '../data/features';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { splitDataset, type Split } from '../data/split';
import type { TrainerData } from '../engine/trainer';
import type { ExperimentConfig } from '../shared/config';
import { DATASETS, GRID_RESOLUTION } from '../shared/datasets';

export interface PreparedData {
  points: Points;
  split: Split;
  data: TrainerData;
}

export type DataSettings = Pick<ExperimentConfig, 'dataset' | 'samples' | 'noise' | 'seed' | 'trainPct' | 'valPct' | 'features'>;

/**
 * A seeded share of the training indices (at least 2), for learning curves; validation and test
 * stay whole so every size is judged on the same data.
 */
export function trainSubset(train: Int32Array, fraction: number, seed: number): Int32Array {
  if (fraction >= 1) return train;
  const shuffled = train.slice();
  shuffleInPlace(shuffled, mulberry32(hashSeed(seed, 'subset')));
  return shuffled.slice(0, Math.max(2, Math.round(train.length * fraction))).sort();
}

export function prepareData(c: DataSettings, trainFraction = 1): PreparedData {
  const info = DATASETS[c.dataset];
  const points = generateDataset(c.dataset, c.samples, c.noise, c.seed);
  const full = splitDataset(points.y, { problem: info.problem, trainPct: c.trainPct, valPct: c.valPct, seed: c.seed, classes: info.classes });
  const split = { ...full, train: trainSubset(full.train, trainFraction, c.seed) };
  const width = c.features.length;
  const all = featurize(points.x, points.n, c.features);
  const part = (idx: Int32Array) => ({ x: gatherRows(all, width, idx), y: gatherValues(points.y, idx), n: idx.length });
  return {
    points,
    split,
    data: {
      inputs: width,
      classes: info.classes,
      train: part(split.train),
      val: part(split.val),
      test: part(split.test),
      grid: gridInputs(GRID_RESOLUTION, c.features),
      trainRaw: gatherRows(points.x, 2, split.train),
    },
  };
}
