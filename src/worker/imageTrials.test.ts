// Search trials on the digits through the search role's real API, in-process on wasm: tiny (200
// images, 2 trials × 2 epochs). Trials differ by their filters (written into the stack), train
// on the validation images, report every epoch's objective when pruned, stop on cancel, and
// leave no tensors behind.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { applyTrial } from '../search/applyTrial';
import type { TrialSpec } from '../search/types';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { setDigitsLoader } from './digitsSource';
import { createSearchApi } from './searchApi';

const DIGITS: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'digits',
  loss: 'cce',
  backend: 'cpu',
  images: 200,
  imageLayers: 'conv:4:3,pool:2,conv:8:3,pool:2,flatten,dense:16',
  optimizer: 'adam',
  lr: 0.01,
  batch: 32,
};

const spec = (filters: number, objective: TrialSpec['objective'] = 'accuracy'): TrialSpec => ({
  config: applyTrial(DIGITS, { filters, units: 8 }),
  folds: 1,
  epochs: 2,
  objective,
});

beforeAll(async () => {
  setDigitsLoader(async () => gzipSync(buildDigitsFile()));
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
});

async function onWasm() {
  const api = createSearchApi();
  await api.init('cpu');
  // Node's cpu backend is slow for convolutions; the page's wasm is what the tests use.
  await tf.setBackend('wasm');
  return api;
}

describe('image search trials', () => {
  it('scores each trial on the validation images, with its filters in the stack', async () => {
    const api = await onWasm();
    const start = tf.memory().numTensors;
    const specs = [spec(2), spec(6)];
    expect(specs.map((s) => s.config.imageLayers)).toEqual(['conv:2:3,pool:2,conv:4:3,pool:2,flatten,dense:8', 'conv:6:3,pool:2,conv:12:3,pool:2,flatten,dense:8']);
    const heard: number[] = [];
    const results = await api.runTrials(specs, (i) => void heard.push(i));
    for (const r of results) {
      expect(r).not.toBeNull();
      expect(r!.folds).toHaveLength(1);
      // Validation accuracy on 500 images after 2 epochs: a number in 0–1, above guessing's 0.1.
      expect(r!.mean).toBeGreaterThan(0.1);
      expect(r!.mean).toBeLessThanOrEqual(1);
      expect(r!.backend).toBe('wasm');
    }
    expect(heard.sort()).toEqual([0, 1]);
    // The wider model is a different model: a different score.
    expect(results[0]!.mean).not.toBe(results[1]!.mean);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);

  it('is reproducible: the same trial scores the same', async () => {
    const api = await onWasm();
    const [a] = await api.runTrials([spec(3, 'loss')]);
    const [b] = await api.runTrials([spec(3, 'loss')]);
    expect(a!.mean).toBeCloseTo(b!.mean, 5);
  }, 60_000);

  it('reports each epoch to the pruner and stops the trials it is told to', async () => {
    const api = await onWasm();
    const seen: { epoch: number; indices: number[] }[] = [];
    // Stops the worse trial at epoch 1 (loss: higher is worse).
    const decide = async (epoch: number, reports: { index: number; value: number }[]) => {
      if (reports.length) seen.push({ epoch, indices: reports.map((r) => r.index) });
      if (reports.length < 2) return [];
      return [reports.reduce((w, r) => (r.value > w.value ? r : w)).index];
    };
    const results = await api.runTrialsPruned([spec(2, 'loss'), spec(6, 'loss')], [[1], [1]], decide);
    expect(seen).toEqual([{ epoch: 1, indices: [0, 1] }]);
    const pruned = results.filter((r) => r!.pruned);
    expect(pruned).toHaveLength(1);
    expect(pruned[0]!.stoppedAt).toBe(1);
    expect(pruned[0]!.intermediate).toHaveLength(1);
    const kept = results.find((r) => !r!.pruned)!;
    expect(kept.stoppedAt).toBe(2);
    expect(kept.intermediate).toHaveLength(2);
    // The score is the objective at the last epoch, as the pruner saw it.
    expect(kept.mean).toBe(kept.intermediate![1]);
  }, 60_000);

  it('stops when cancelled', async () => {
    const api = await onWasm();
    const start = tf.memory().numTensors;
    const running = api.runTrials([spec(2), spec(4)]);
    await api.cancel();
    const results = await running;
    expect(results.filter(Boolean).length).toBeLessThan(2);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);
});
