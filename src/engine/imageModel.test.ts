// The image model learns digits: a small CNN on 300 digits lowers its loss and beats chance on
// held-out ones within a few epochs, from the same seed the same way, leaving no tensors behind
// (on wasm, whose missing conv filter gradient src/engine/conv.ts supplies).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { chooseDigits, decodeDigits, digitInputs, type Digits } from '../data/digits';
import type { ImageLayer } from './imageLayers';
import { ImageModel } from './imageModel';

const CNN: ImageLayer[] = [
  { kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
  { kind: 'pool', size: 2, stride: 2 },
  { kind: 'conv', filters: 8, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
  { kind: 'pool', size: 2, stride: 2 },
  { kind: 'flatten' },
  { kind: 'dropout', rate: 0.1 },
];

let digits: Digits;
beforeAll(async () => {
  // wasm: node's cpu backend trains a CNN at about 25 images/s, wasm many times faster.
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  digits = decodeDigits(buildDigitsFile());
});

function batchOf(idx: Int32Array): { x: tf.Tensor4D; y: tf.Tensor1D } {
  return { x: tf.tensor4d(digitInputs(digits, idx), [idx.length, 28, 28, 1]), y: tf.tensor1d(Float32Array.from(idx, (i) => digits.labels[i])) };
}

function train(seed: number, epochs: number): { before: number; after: number; acc: number } {
  const pick = chooseDigits(digits, 300, 1);
  const train = batchOf(pick.slice(0, 200));
  const val = batchOf(pick.slice(200));
  const m = new ImageModel([28, 28, 1], CNN, 10, { optimizer: 'adam', lr: 0.01, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, seed);
  try {
    const ev = () => {
      const t = m.evaluate(val.x, val.y);
      const out = Array.from(t.dataSync());
      t.dispose();
      return out;
    };
    const [before] = ev();
    for (let e = 0; e < epochs; e++) {
      for (let at = 0; at < 200; at += 20) {
        const xb = tf.slice(train.x, [at, 0, 0, 0], [20, 28, 28, 1]);
        const yb = tf.slice(train.y, [at], [20]);
        m.trainStep(xb, yb).dispose();
        xb.dispose();
        yb.dispose();
      }
    }
    const [after, acc] = ev();
    return { before, after, acc };
  } finally {
    m.dispose();
    for (const t of [train.x, train.y, val.x, val.y]) t.dispose();
  }
}

describe('ImageModel', () => {
  it('learns digits: validation loss falls and accuracy beats chance by far, reproducibly, with no tensors left', () => {
    const start = tf.memory().numTensors;
    const a = train(3, 3);
    expect(a.before).toBeGreaterThan(2); // ln 10 ≈ 2.3 for an untrained model
    expect(a.after).toBeLessThan(a.before * 0.6);
    expect(a.acc).toBeGreaterThan(0.5); // chance: 0.1
    // The same seed, the same run (one epoch is enough to show it); another seed, another one.
    expect(train(3, 1)).toEqual(train(3, 1));
    expect(train(4, 1)).not.toEqual(train(3, 1));
    expect(tf.memory().numTensors).toBe(start);
  });

  it('gives each conv layer’s feature maps for an image and the first layer’s filters, leaving no tensors', async () => {
    const start = tf.memory().numTensors;
    const m = new ImageModel([28, 28, 1], CNN, 10, { optimizer: 'momentum', lr: 0.01, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 1);
    try {
      const image = digitInputs(digits, Int32Array.from([0]));
      const maps = await m.featureMaps(image);
      expect(maps.map((x) => x.shape)).toEqual([[28, 28, 4], [14, 14, 8]]);
      expect(maps[0].data).toHaveLength(28 * 28 * 4);
      // ReLU maps: no negatives, and the digit's ink lights some of them up.
      for (const x of maps) expect(Math.min(...x.data)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...maps[0].data)).toBeGreaterThan(0);
      const f = await m.firstFilters();
      expect(f?.shape).toEqual([3, 3, 1, 4]);
    } finally {
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses a stack that does not fit, with the layer and the reason', () => {
    expect(() => new ImageModel([28, 28, 1], [{ kind: 'dense', units: 4, activation: 'relu' }], 10, { optimizer: 'sgd', lr: 0.1, momentum: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 1)).toThrow('layer 1: a dense layer needs a flat input');
  });
});
