// The image trainer on wasm: it learns digits, a seed reproduces a run, augmentation changes the
// training but not how validation is measured, early stopping ends a run, a live learning-rate
// change applies from the next epoch, the views and predictions have their shapes, and nothing
// is left on the device after dispose.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { chooseDigits, decodeDigits, digitInputs, type Digits } from '../data/digits';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { MAX_MISCLASSIFIED } from '../shared/protocol';
import { ImageTrainer, type ImageTrainerData } from './imageTrainer';

let digits: Digits;
let data: ImageTrainerData;

beforeAll(async () => {
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  digits = decodeDigits(buildDigitsFile());
  const pick = chooseDigits(digits, 700, 5);
  const split = (idx: Int32Array) => ({ x: digitInputs(digits, idx), y: Float32Array.from(idx, (i) => digits.labels[i]), n: idx.length });
  const val = pick.slice(400, 600);
  const valPixels = new Uint8Array(val.length * 784);
  val.forEach((img, r) => valPixels.set(digits.pixels.subarray(img * 784, (img + 1) * 784), r * 784));
  data = { side: 28, classes: 10, train: split(pick.slice(0, 400)), val: split(val), test: split(pick.slice(600)), valPixels };
});

const config = (over: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  ...DEFAULT_CONFIG,
  dataset: 'digits',
  loss: 'cce',
  imageLayers: 'conv:4:3,pool:2,conv:8:3,pool:2,flatten',
  optimizer: 'adam',
  lr: 0.01,
  batch: 20,
  l1: 0,
  l2: 0,
  clip: 0,
  patience: 0,
  schedule: 'constant',
  ...over,
});

async function train(c: ExperimentConfig, epochs: number, run = 0) {
  const t = new ImageTrainer(data, c, run);
  try {
    for (let e = 0; e < epochs; e++) t.trainEpoch();
    return await t.flush();
  } finally {
    t.dispose();
  }
}

describe('ImageTrainer', () => {
  it('learns digits well above chance in a few epochs, and a seed reproduces the run', async () => {
    const start = tf.memory().numTensors;
    const m = await train(config(), 3);
    expect(m.map((e) => e.epoch)).toEqual([0, 1, 2, 3]);
    expect(m[0].valLoss).toBeGreaterThan(2); // ≈ ln 10 untrained
    expect(m[3].valAcc).toBeGreaterThan(0.6); // chance: 0.1
    expect(m[3].trainLoss).toBeLessThan(m[0].trainLoss);
    expect(m[3].lr).toBe(0.01);
    expect(await train(config(), 1)).toEqual(m.slice(0, 2));
    // Another run of the same seed draws other weights and batches.
    expect((await train(config(), 1, 1))[1].valLoss).not.toBe(m[1].valLoss);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('augments training fresh each epoch without changing how validation is measured', async () => {
    const plain = await train(config(), 1);
    const aug = await train(config({ imageAugment: { shift: 3, rotate: 15, zoom: 0.1, noise: 0.1, flip: false } }), 1);
    // Epoch 0 (before training) is measured the same; the trained epoch differs.
    expect(aug[0]).toEqual(plain[0]);
    expect(aug[1].valLoss).not.toBe(plain[1].valLoss);
  });

  it('applies L2, clipping and a live learning-rate change from the next epoch', async () => {
    const t = new ImageTrainer(data, config({ l2: [0.001, 0, 0.01], clip: 0.5 }), 0);
    try {
      t.trainEpoch();
      expect(t.update(config({ l2: [0.001, 0, 0.01], clip: 0.5, lr: 0.002 }))).toBe('applied');
      t.trainEpoch();
      expect(t.update(config({ imageLayers: 'flatten,dense:8' }))).toBe('needs a new run');
      const m = await t.flush();
      expect(m[1].lr).toBe(0.01);
      expect(m[2].lr).toBe(0.002);
      expect(m[1].penalty).toBeGreaterThan(0);
      expect(m[1].clipped).toBeGreaterThan(0);
      expect(m[1].clipped).toBeLessThanOrEqual(1);
    } finally {
      t.dispose();
    }
  });

  it('stops early when validation loss stops improving, restoring the best weights', async () => {
    // A rate this high makes validation loss worse soon.
    const t = new ImageTrainer(data, config({ lr: 0.3, optimizer: 'sgd', patience: 1, restoreBest: true }), 0);
    try {
      let stop = null;
      for (let e = 0; e < 12 && !stop; e++) {
        t.trainEpoch();
        await t.flush();
        stop = t.takeStop();
      }
      expect(stop).not.toBeNull();
      expect(stop!.stopEpoch - stop!.bestEpoch).toBe(1);
      expect(stop!.restored).toBe(true);
      expect((await t.evaluate('val')).loss).toBeCloseTo(stop!.bestValLoss, 3);
    } finally {
      t.dispose();
    }
  });

  it('gives the confusion matrix, misclassified images, filters, predictions and feature maps, and round-trips its state', async () => {
    const start = tf.memory().numTensors;
    const t = new ImageTrainer(data, config(), 0);
    try {
      t.trainEpoch();
      const { evaluation, images } = await t.views();
      expect(evaluation.kind).toBe('confusion');
      if (evaluation.kind !== 'confusion') return;
      expect(evaluation.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(evaluation.counts.reduce((a, b) => a + b, 0)).toBe(200);
      const correct = evaluation.counts.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
      expect(images.wrong).toBe(200 - correct);
      // The views reuse the metrics pass's probabilities: they agree with a fresh evaluation.
      expect((await t.evaluate('val')).accuracy).toBeCloseTo(correct / 200, 5);
      expect(images.misclassified.length).toBe(Math.min(MAX_MISCLASSIFIED, images.wrong));
      const probs = images.misclassified.map((m) => m.prob);
      expect(probs).toEqual([...probs].sort((a, b) => b - a));
      for (const m of images.misclassified) {
        expect(m.predicted).not.toBe(m.label);
        expect(m.label).toBe(data.val.y[m.index]);
        expect(Array.from(m.pixels)).toEqual(Array.from(data.valPixels.subarray(m.index * 784, (m.index + 1) * 784)));
      }
      expect(images.filters?.shape).toEqual([3, 3, 1, 4]);
      expect(images.filters?.data).toHaveLength(36);
      const p = await t.predict(data.val.x.slice(0, 784));
      expect(p.probs).toHaveLength(10);
      expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(p.probs[p.label]).toBe(Math.max(...p.probs));
      const maps = await t.featureMaps(data.val.x.slice(0, 784));
      expect(maps.map((m) => [m.layer, m.shape])).toEqual([[0, [28, 28, 4]], [2, [14, 14, 8]]]);
      const state = await t.exportState();
      const other = new ImageTrainer(data, config(), 3);
      try {
        other.importState(state);
        expect(other.epoch).toBe(1);
        expect(await other.evaluate('val')).toEqual(await t.evaluate('val'));
        expect(() => other.importState({ epoch: 0, weights: state.weights.slice(1) })).toThrow('do not fit');
      } finally {
        other.dispose();
      }
    } finally {
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('trains with batch norm per channel after convs and per unit after dense, evaluating with running averages', async () => {
    const start = tf.memory().numTensors;
    const c = config({ imageLayers: 'conv:4:3,batchnorm,pool:2,flatten,dense:16,batchnorm' });
    const t = new ImageTrainer(data, c, 0);
    try {
      // γ, β, running mean and variance: 4 per channel of the conv, 4 per unit of the dense layer.
      const sizes = t.model.variables.map((v) => v.size);
      expect(sizes).toEqual([36, 4, 4, 4, 4, 4, 784 * 16, 16, 16, 16, 16, 16, 160, 10]);
      expect(t.model.trainable.map((v) => v.size)).toEqual([36, 4, 4, 4, 784 * 16, 16, 16, 16, 160, 10]);
      t.trainEpoch();
      t.trainEpoch();
      const m = await t.flush();
      expect(m[2].valAcc).toBeGreaterThan(0.6);
      const state = await t.exportState();
      // The running averages moved from their start (mean 0, variance 1).
      expect(Array.from(state.weights[4]).some((v) => v !== 0)).toBe(true);
      expect(Array.from(state.weights[5]).some((v) => v !== 1)).toBe(true);
      // Evaluation uses them: the same images, one at a time or all together, give the same probabilities.
      const one = await t.predict(data.val.x.slice(0, 784));
      const again = await t.predict(data.val.x.slice(0, 784));
      expect(one).toEqual(again);
      const maps = await t.featureMaps(data.val.x.slice(0, 784));
      expect(maps.map((x) => x.shape)).toEqual([[28, 28, 4]]);
      const other = new ImageTrainer(data, c, 1);
      try {
        other.importState(state);
        expect(await other.evaluate('val')).toEqual(await t.evaluate('val'));
      } finally {
        other.dispose();
      }
    } finally {
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports a diverged run’s loss as it is (not finite), for the worker to cut the batch there', async () => {
    const m = await train(config({ optimizer: 'sgd', lr: 1e30 }), 2);
    expect(Number.isFinite(m[0].valLoss)).toBe(true);
    expect(m.slice(1).some((e) => !Number.isFinite(e.trainLoss) || !Number.isFinite(e.valLoss))).toBe(true);
  });

  it('refuses a stack that does not fit, with the layer and reason', () => {
    expect(() => new ImageTrainer(data, config({ imageLayers: 'conv:8:30:valid,flatten' }), 0)).toThrow(/layer 1 \(conv\): the kernel size must be/);
  });
});
