import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generators';
import { splitDataset } from '../data/split';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { pointsSource } from './dataSource';
import { crossValidate, foldPairs } from './crossValidate';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 120, optimizer: 'adam', lr: 0.03 };

describe('foldPairs', () => {
  it('k ≥ 2: folds of the training + validation pool, disjoint, covering it, never the test split', () => {
    const p = generateDataset('circle', C.samples, C.noise, C.seed);
    const split = splitDataset(p.y, { problem: 'classification', trainPct: C.trainPct, valPct: C.valPct, seed: C.seed, classes: 2 });
    const pairs = foldPairs(C, pointsSource(C), 3);
    expect(pairs).toHaveLength(3);
    const held = pairs.flatMap((f) => Array.from(f.val));
    expect(new Set(held).size).toBe(held.length);
    expect(held.sort((a, b) => a - b)).toEqual([...split.train, ...split.val].sort((a, b) => a - b));
    const test = new Set(split.test);
    for (const f of pairs) {
      expect(Array.from(f.train).some((i) => test.has(i) || f.val.includes(i))).toBe(false);
      expect(f.train.length + f.val.length).toBe(split.train.length + split.val.length);
    }
  });

  it('k = 1 is the plain hold-out on the validation split', () => {
    const p = generateDataset('circle', C.samples, C.noise, C.seed);
    const split = splitDataset(p.y, { problem: 'classification', trainPct: C.trainPct, valPct: C.valPct, seed: C.seed, classes: 2 });
    const [only] = foldPairs(C, pointsSource(C), 1);
    expect(Array.from(only.train)).toEqual(Array.from(split.train));
    expect(Array.from(only.val)).toEqual(Array.from(split.val));
  });
});

describe('crossValidate', () => {
  it('scores a trial as the mean over its folds and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await crossValidate({ config: C, folds: 3, epochs: 10, objective: 'loss' }, () => false);
    expect(r!.folds).toHaveLength(3);
    expect(r!.folds.every(Number.isFinite)).toBe(true);
    expect(r!.mean).toBeCloseTo(r!.folds.reduce((a, b) => a + b, 0) / 3, 10);
    expect(tf.memory().numTensors).toBe(before);
    const acc = await crossValidate({ config: { ...C, dataset: 'blobs', loss: 'cce' }, folds: 2, epochs: 10, objective: 'accuracy' }, () => false);
    expect(acc!.folds.every((a) => a >= 0 && a <= 1)).toBe(true);
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const r = await crossValidate({ config: C, folds: 3, epochs: 50, objective: 'loss' }, () => ++calls > 20);
    expect(r).toBeNull();
  });
});
