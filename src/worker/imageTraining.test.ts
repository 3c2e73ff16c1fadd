// The training role on the digits, in-process on wasm: setup gives the image set's preview and
// first views, a run trains and streams the confusion matrix and image views, predictions and
// feature maps answer (also while a run trains), what only dense networks have is refused, and a
// new setup leaves no tensors of the old run behind.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { MetricsBatch } from '../shared/protocol';
import { setDigitsLoader } from './digitsSource';
import { createTrainingApi } from './trainingApi';

const DIGITS: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'digits',
  loss: 'cce',
  backend: 'cpu',
  images: 300,
  imageLayers: 'conv:4:3,pool:2,conv:8:3,pool:2,flatten',
  optimizer: 'adam',
  lr: 0.01,
  batch: 32,
  epochs: 0,
};

beforeAll(() => {
  setDigitsLoader(async () => gzipSync(buildDigitsFile()));
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
});

describe('the training role on image sets', () => {
  it('sets up the digits, trains, and streams the confusion matrix and image views', async () => {
    const api = createTrainingApi();
    await api.init('cpu');
    // Node's cpu backend is slow for convolutions; the page's wasm is what the tests use.
    await tf.setBackend('wasm');
    const start = tf.memory().numTensors;
    const setup = await api.setup(DIGITS, 0);
    expect(setup.points.n).toBe(0);
    expect(setup.images?.counts).toEqual({ train: 300, val: 500, test: 500 });
    expect(setup.images?.sample.n).toBe(64);
    expect(setup.images?.sample.pixels).toHaveLength(64 * 784);
    expect(setup.images?.source).toMatch(/MNIST/);
    expect(setup.baselineLoss).toBeCloseTo(Math.log(10), 2);
    expect(setup.batch.epochs[0].epoch).toBe(0);
    expect(setup.batch.evaluation?.kind).toBe('confusion');
    expect(setup.batch.images?.filters?.shape).toEqual([3, 3, 1, 4]);

    const batches: MetricsBatch[] = [];
    // Asked while the run trains: answered between its steps.
    const during = new Promise<{ label: number; probs: number[] }>((res) => setTimeout(() => res(api.predictImage(new Float32Array(784).fill(0.5))), 50));
    expect(await api.run(3, (b) => void batches.push(b))).toBe('done');
    expect((await during).probs).toHaveLength(10);
    const epochs = batches.flatMap((b) => b.epochs);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2].valAcc).toBeGreaterThan(0.5);
    const last = batches.at(-1)!;
    if (last.evaluation?.kind !== 'confusion') throw new Error('no confusion matrix');
    expect(last.evaluation.counts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(last.images!.wrong).toBeGreaterThan(0);
    expect(last.images!.misclassified[0].pixels).toHaveLength(784);

    const image = Float32Array.from(setup.images!.sample.pixels.subarray(0, 784), (v) => v / 255);
    const p = await api.predictImage(image);
    expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const maps = await api.featureMaps(image);
    expect(maps.map((m) => m.shape)).toEqual([[28, 28, 4], [14, 14, 8]]);
    await expect(api.predictImage(new Float32Array(5))).rejects.toThrow('784 numbers from 0 to 1');
    await expect(api.predictImage(new Float32Array(784).fill(2))).rejects.toThrow('from 0 to 1');
    await expect(api.getNetwork()).rejects.toThrow('not available for image sets');
    await expect(api.setWeight(1, 0, 0, 1)).rejects.toThrow('not available for image sets');
    expect(await api.inspect(true)).toBeNull();
    const test = await api.evaluateTest();
    expect(test.n).toBe(500);
    expect(await api.update({ ...DIGITS, lr: 0.001, imageAugment: { shift: 2, rotate: 0, zoom: 0, noise: 0, flip: false } })).toBe('applied');
    expect(await api.update({ ...DIGITS, imageLayers: 'flatten,dense:16' })).toBe('needs a new run');
    const step = await api.step();
    expect(step.epochs.map((e) => e.epoch)).toEqual([4]);
    expect(step.epochs[0].lr).toBe(0.001);

    // A points set afterwards: the image model is gone, no tensors of it left.
    await api.setup({ ...DEFAULT_CONFIG, backend: 'cpu', samples: 100 }, 0);
    await expect(api.predictImage(image)).rejects.toThrow('not images');
    await api.setup(DIGITS, 1);
    await api.setup({ ...DEFAULT_CONFIG, backend: 'cpu', samples: 100 }, 0);
    const pointsTensors = tf.memory().numTensors;
    await api.setup(DIGITS, 0);
    await api.setup({ ...DEFAULT_CONFIG, backend: 'cpu', samples: 100 }, 0);
    expect(tf.memory().numTensors).toBe(pointsTensors);
    expect(pointsTensors).toBeGreaterThan(start);
  }, 60_000);
});
