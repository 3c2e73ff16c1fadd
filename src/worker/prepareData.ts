// Turns a run's source rows into what a Trainer needs: the split's inputs and labels, the boundary
// grid and the plot coordinates of every row. Pure; runs in the worker and in tests.
import { gatherRows, gatherValues } from '../data/features';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import type { Split } from '../data/split';
import type { TrainerData } from '../engine/trainer';
import type { ExperimentConfig } from '../shared/config';
import { loadSource, pointsSource, type SourceData } from './dataSource';

export interface PreparedData {
  /** Plot coordinates (2n) and labels of every row. */
  points: { n: number; x: Float32Array; y: Float32Array };
  split: Split;
  data: TrainerData;
  source: SourceData;
}

export type DataSettings = Pick<ExperimentConfig, 'dataset' | 'samples' | 'noise' | 'seed' | 'trainPct' | 'valPct' | 'features' | 'slice'>;

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

export function prepareSource(src: SourceData, seed: number, trainFraction = 1): PreparedData {
  const split = { ...src.split, train: trainSubset(src.split.train, trainFraction, seed) };
  const part = (idx: Int32Array) => ({ x: gatherRows(src.x, src.width, idx), y: gatherValues(src.y, idx), n: idx.length });
  return {
    points: { n: src.n, x: src.plot, y: src.y },
    split,
    source: src,
    data: {
      inputs: src.width,
      classes: src.classes,
      train: part(split.train),
      val: part(split.val),
      test: part(split.test),
      grid: src.grid,
      trainRaw: gatherRows(src.plot, 2, split.train),
    },
  };
}

/** Generated 2-D sets only (synchronous). */
export function prepareData(c: DataSettings, trainFraction = 1): PreparedData {
  return prepareSource(pointsSource(c), c.seed, trainFraction);
}

/** Any data set: tables load on first use. */
export async function prepareAny(c: DataSettings, trainFraction = 1): Promise<PreparedData> {
  return prepareSource(await loadSource(c), c.seed, trainFraction);
}
