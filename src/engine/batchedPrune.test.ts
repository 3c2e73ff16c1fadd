// The pruned members of a batched group leave it (BatchedMlp.survivors) without changing the
// survivors: same weights, metrics and optimizer state as if nobody had left.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { pointsSource } from '../worker/dataSource';
import { foldPairs } from '../worker/crossValidate';
import { BatchedMlp, type BatchMember } from './batchedMlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const BASE: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 200, seed: 3 };

function members(optimizer: ExperimentConfig['optimizer'], dropout = false): BatchMember[] {
  const src = pointsSource(BASE);
  const configs: Partial<ExperimentConfig>[] = [
    { lr: 0.03, batch: 10, layers: [2, 2], l2: 0.001 },
    // The widest member (8 units) leaves: the survivors' layers shrink.
    { lr: 0.01, batch: 50, layers: [8, 8], l1: 0.001 },
    { lr: 0.1, batch: 33, layers: [5, 1], seed: 9 },
    { lr: 0.05, batch: 20, layers: [3, 6], augment: { jitter: 0.1, symmetry: true } },
  ];
  return configs.map((over, i) => {
    const c: ExperimentConfig = { ...BASE, ...over, optimizer, activations: ['tanh', 'tanh'], dropout: dropout ? [0.2, 0.1 * i] : [0, 0] };
    const pair = foldPairs(c, src, 2)[i % 2];
    return { settings: c, data: { x: src.x, y: src.y, train: pair.train, val: pair.val, plot: src.plot } };
  });
}

const shapeOf = () => {
  const src = pointsSource(BASE);
  return { inputs: src.width, classes: src.classes };
};

async function metricsOf(net: BatchedMlp): Promise<Float32Array> {
  const t = net.metrics();
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

describe('BatchedMlp.survivors', () => {
  for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
    it(`${optimizer}: the pruned members leave without changing the survivors' results`, async () => {
      const list = members(optimizer, optimizer === 'adam');
      const shape = shapeOf();
      const before = tf.memory().numTensors;
      const full = new BatchedMlp(list, shape);
      let pruned = new BatchedMlp(list, shape);
      try {
        for (let e = 0; e < 3; e++) {
          full.trainEpoch();
          pruned.trainEpoch();
        }
        const keep = [0, 2, 3];
        const next = pruned.survivors(keep);
        pruned.dispose();
        pruned = next;
        expect(pruned.size).toBe(3);
        expect(pruned.epoch).toBe(3);
        // Another member leaves two epochs later: survivors of survivors.
        for (let e = 0; e < 2; e++) {
          full.trainEpoch();
          pruned.trainEpoch();
        }
        const again = pruned.survivors([0, 2]);
        pruned.dispose();
        pruned = again;
        for (let e = 0; e < 4; e++) {
          full.trainEpoch();
          pruned.trainEpoch();
        }
        const wFull = await full.readWeights();
        const wPruned = await pruned.readWeights();
        const mFull = await metricsOf(full);
        const mPruned = await metricsOf(pruned);
        [0, 3].forEach((m, j) => {
          wPruned[j].forEach((layer, i) => {
            const want = wFull[m][i];
            layer.kernel.forEach((v, k) => expect(Math.abs(v - want.kernel[k]), `member ${m} layer ${i}`).toBeLessThanOrEqual(1e-6));
            layer.bias.forEach((v, k) => expect(Math.abs(v - want.bias[k])).toBeLessThanOrEqual(1e-6));
          });
          expect(Math.abs(mPruned[2 * j] - mFull[2 * m])).toBeLessThanOrEqual(1e-6);
          expect(mPruned[2 * j + 1]).toBe(mFull[2 * m + 1]);
        });
      } finally {
        full.dispose();
        pruned.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('refuses an empty or unordered list of survivors', () => {
    const net = new BatchedMlp(members('sgd'), shapeOf());
    try {
      expect(() => net.survivors([])).toThrow(RangeError);
      expect(() => net.survivors([2, 1])).toThrow(RangeError);
      expect(() => net.survivors([0, 4])).toThrow(RangeError);
    } finally {
      net.dispose();
    }
  });
});
