import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainEpochs as train, withTrainer } from './testing';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { GRID_RESOLUTION } from '../shared/datasets';
import { prepareData } from '../worker/prepareData';
import { TRAIN_METRIC_ROWS, Trainer, outputKindFor } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** DEFAULT_CONFIG with 200 points and a fixed seed, plus overrides. */
function cfg(over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, samples: 200, seed: 7, backend: 'cpu', ...over };
}

const CIRCLE = cfg({ layers: [8], activations: ['tanh'], optimizer: 'adam', lr: 0.03, batch: 10 });
const BLOBS = cfg({ dataset: 'blobs', loss: 'cce', layers: [8], activations: ['tanh'], optimizer: 'adam', lr: 0.03 });
const PLANE = cfg({ dataset: 'plane', problem: 'regression', loss: 'mse', layers: [], activations: [], optimizer: 'sgd', lr: 0.1 });

describe('outputKindFor', () => {
  it('maps regression, binary and K-class', () => {
    expect(outputKindFor(1)).toBe('linear');
    expect(outputKindFor(2)).toBe('sigmoid');
    expect(outputKindFor(3)).toBe('softmax');
  });
});

describe('Trainer', () => {
  it('queues epoch-0 metrics on construction, then one record per epoch', async () => {
    await withTrainer(CIRCLE, async (t) => {
      expect(t.epoch).toBe(0);
      expect(t.pendingCount).toBe(1);
      const m0 = await t.flush();
      expect(m0.map((m) => m.epoch)).toEqual([0]);
      expect(t.pendingCount).toBe(0);
      expect(await t.flush()).toEqual([]);
      t.trainEpoch();
      t.trainEpoch();
      t.trainEpoch();
      expect(t.pendingCount).toBe(3);
      const m = await t.flush();
      expect(m.map((r) => r.epoch)).toEqual([1, 2, 3]);
      for (const r of m) {
        expect(Number.isFinite(r.trainLoss) && Number.isFinite(r.valLoss)).toBe(true);
        expect(r.trainAcc).not.toBeNull();
        expect(r.valAcc).not.toBeNull();
      }
    });
  });

  it('learns the circle set: validation loss falls well below epoch 0, accuracy > 0.8', async () => {
    await withTrainer(CIRCLE, async (t) => {
      const all = [...(await t.flush()), ...(await train(t, 40))];
      expect(all.map((m) => m.epoch)).toEqual(Array.from({ length: 41 }, (_, i) => i));
      const first = all[0];
      const last = all[40];
      // bce of an untrained net is about log 2.
      expect(first.valLoss).toBeGreaterThan(0.5);
      expect(last.valLoss).toBeLessThan(0.5 * first.valLoss);
      expect(last.valAcc!).toBeGreaterThan(0.8);
      expect(last.trainAcc!).toBeGreaterThan(0.8);
      const test = await t.evaluate();
      expect(test.accuracy!).toBeGreaterThan(0.8);
      // The boundary puts the centre (inner disc, class 1) and the ring (class 0) on opposite sides.
      const b = await t.boundary();
      const mid = GRID_RESOLUTION / 2;
      const centre = mid * GRID_RESOLUTION + mid;
      const ring = mid * GRID_RESOLUTION + Math.round(GRID_RESOLUTION * 0.87); // x1 ≈ 4.4, x2 ≈ 0
      expect(b[centre]).toBeGreaterThan(0.5);
      expect(b[ring]).toBeLessThan(0.5);
    });
  });

  it('learns with plain SGD too', async () => {
    await withTrainer(cfg({ layers: [8], activations: ['tanh'], optimizer: 'sgd', lr: 0.3 }), async (t) => {
      const all = [...(await t.flush()), ...(await train(t, 60))];
      expect(all.at(-1)!.valLoss).toBeLessThan(0.7 * all[0].valLoss);
      expect(all.at(-1)!.valAcc!).toBeGreaterThan(0.8);
    });
  });

  it('keeps the tensor count constant across epochs when flushed', async () => {
    await withTrainer(CIRCLE, async (t) => {
      await t.flush();
      t.trainEpoch();
      await t.flush();
      const afterOne = tf.memory().numTensors;
      await train(t, 29);
      expect(t.epoch).toBe(30);
      expect(tf.memory().numTensors).toBe(afterOne);
      await t.boundary();
      await t.evaluate();
      expect(tf.memory().numTensors).toBe(afterOne);
    });
  });

  it('keeps the tensor count constant across epochs for every optimizer', async () => {
    for (const optimizer of ['sgd', 'momentum', 'rmsprop', 'adagrad'] as const) {
      await withTrainer({ ...CIRCLE, optimizer }, async (t) => {
        t.trainEpoch();
        await t.flush();
        const afterOne = tf.memory().numTensors;
        await train(t, 5);
        expect(tf.memory().numTensors, optimizer).toBe(afterOne);
      });
    }
  });

  for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
    it(`dispose() returns the tensor count to what it was before construction (${optimizer})`, async () => {
      const c = { ...CIRCLE, optimizer };
      const data = prepareData(c).data;
      const before = tf.memory().numTensors;
      const t = new Trainer(data, c);
      await train(t, 3);
      t.trainEpoch(); // leave one epoch pending: dispose must free it too
      t.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('is deterministic for the same config and run; another run index starts elsewhere', async () => {
    const c = { ...CIRCLE, layers: [6, 4], activations: ['relu', 'tanh'] } as ExperimentConfig;
    const go = (run: number) => withTrainer(c, async (t) => [...(await t.flush()), ...(await train(t, 8))], run);
    const a = await go(0);
    const b = await go(0);
    const r1 = await go(1);
    expect(a).toHaveLength(9);
    expect(b).toEqual(a);
    expect(r1[0].trainLoss).not.toBe(a[0].trainLoss);
    expect(r1[0].valLoss).not.toBe(a[0].valLoss);
  });

  it('trains a linear model (no hidden layers)', async () => {
    const c = cfg({ dataset: 'gaussian', layers: [], activations: [], optimizer: 'sgd', lr: 0.1 });
    await withTrainer(c, async (t) => {
      expect(t.model.kernels).toHaveLength(1);
      expect(t.model.kernels[0].shape).toEqual([2, 1]);
      const all = [...(await t.flush()), ...(await train(t, 15))];
      expect(all.at(-1)!.trainLoss).toBeLessThan(0.7 * all[0].trainLoss);
      expect(all.at(-1)!.valAcc!).toBeGreaterThan(0.8);
    });
  });

  it('trains a 3-class set with softmax and cce', async () => {
    await withTrainer(BLOBS, async (t) => {
      expect(t.model.kernels.at(-1)!.shape).toEqual([8, 3]);
      const all = [...(await t.flush()), ...(await train(t, 15))];
      // cce of an untrained 3-class net is about log 3.
      expect(all[0].trainLoss).toBeGreaterThan(0.6);
      expect(all.at(-1)!.trainLoss).toBeLessThan(0.5 * all[0].trainLoss);
      expect(all.at(-1)!.valAcc!).toBeGreaterThan(0.8);
      const b = await t.boundary();
      expect(b).toHaveLength(GRID_RESOLUTION ** 2 * 3);
      for (let i = 0; i < b.length; i += 3) {
        expect(b[i] + b[i + 1] + b[i + 2]).toBeCloseTo(1, 4);
      }
      expect(b.every((v) => v >= 0 && v <= 1)).toBe(true);
      const test = await t.evaluate();
      expect(Number.isFinite(test.loss)).toBe(true);
      expect(test.accuracy!).toBeGreaterThanOrEqual(0);
      expect(test.accuracy!).toBeLessThanOrEqual(1);
    });
  });

  it('trains a regression set with mse; accuracy is null', async () => {
    await withTrainer(PLANE, async (t) => {
      const all = [...(await t.flush()), ...(await train(t, 15))];
      for (const m of all) {
        expect(m.trainAcc).toBeNull();
        expect(m.valAcc).toBeNull();
      }
      expect(all.at(-1)!.valLoss).toBeLessThan(0.5 * all[0].valLoss);
      const b = await t.boundary();
      expect(b).toHaveLength(GRID_RESOLUTION ** 2);
      expect(b.every(Number.isFinite)).toBe(true);
      const test = await t.evaluate();
      expect(test.accuracy).toBeNull();
      expect(Number.isFinite(test.loss)).toBe(true);
      expect(test.loss).toBeLessThan(all[0].valLoss);
    });
  });

  it('diverges (non-finite loss) with SGD at lr 10 on the wave set', async () => {
    const c = cfg({ dataset: 'wave', problem: 'regression', loss: 'mse', layers: [8, 8], activations: ['relu', 'relu'], optimizer: 'sgd', lr: 10 });
    await withTrainer(c, async (t) => {
      const all = [...(await t.flush()), ...(await train(t, 20))];
      expect(Number.isFinite(all[0].trainLoss)).toBe(true);
      const bad = all.findIndex((m) => !Number.isFinite(m.trainLoss) || !Number.isFinite(m.valLoss));
      expect(bad).toBeGreaterThan(0);
    });
  });

  it('update() with a new lr keeps the epoch count and takes effect on the next epoch', async () => {
    const c = cfg({ layers: [8], activations: ['tanh'], optimizer: 'sgd', lr: 0.3 });
    await withTrainer(c, async (t) => {
      await train(t, 3);
      const w3 = await t.model.readWeights();
      t.trainEpoch();
      const w4 = await t.model.readWeights();
      t.update({ ...c, lr: 1e-5 });
      t.trainEpoch();
      const w5 = await t.model.readWeights();
      expect(t.epoch).toBe(5);
      expect((await t.flush()).map((m) => m.epoch)).toEqual([4, 5]);
      const change = (a: Float32Array[], b: Float32Array[]) => Math.max(...a.map((arr, i) => Math.max(...arr.map((v, j) => Math.abs(v - b[i][j])))));
      const fast = change(w3, w4);
      const slow = change(w4, w5);
      expect(fast).toBeGreaterThan(1e-3);
      // 30000 times smaller rate: the step is tiny (gradients are of similar size one epoch apart).
      expect(slow).toBeLessThan(fast / 1000);
    });
  });

  for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
    it(`update() with a new lr works without resetting the epoch count (${optimizer})`, async () => {
      const c = { ...CIRCLE, optimizer, lr: 0.01 };
      await withTrainer(c, async (t) => {
        await train(t, 2);
        expect(() => t.update({ ...c, lr: 0.02 })).not.toThrow();
        t.trainEpoch();
        expect(t.epoch).toBe(3);
        const m = await t.flush();
        expect(m.map((r) => r.epoch)).toEqual([3]);
        expect(Number.isFinite(m[0].trainLoss)).toBe(true);
      });
    });
  }

  it('update() with a new lr keeps momentum (differs from a fresh optimizer)', async () => {
    const c = cfg({ layers: [8], activations: ['tanh'], optimizer: 'momentum', lr: 0.05, momentum: 0.9 });
    // Same seed and run: identical up to the update. An lr-only change keeps the velocity; a
    // changed β (needs a new optimizer) restarts it, which shows in the next epoch.
    const after = (next: ExperimentConfig) =>
      withTrainer(c, async (t) => {
        await train(t, 3);
        t.update(next);
        return train(t, 1);
      });
    const kept = await after({ ...c, lr: 0.02 });
    const fresh = await after({ ...c, lr: 0.02, momentum: 0.8999999 });
    expect(kept).toHaveLength(1);
    expect(kept[0].trainLoss).not.toBeCloseTo(fresh[0].trainLoss, 6);
  });

  it('update() can switch the optimizer mid-run', async () => {
    await withTrainer(CIRCLE, async (t) => {
      await train(t, 2);
      t.update({ ...CIRCLE, optimizer: 'sgd', lr: 0.1 });
      const m = await train(t, 2);
      expect(m.map((r) => r.epoch)).toEqual([3, 4]);
      expect(m.every((r) => Number.isFinite(r.trainLoss))).toBe(true);
    });
  });

  it('update() applies live settings and says so; a new loss needs a new run and changes nothing', async () => {
    const c = cfg({ layers: [8], activations: ['tanh'], optimizer: 'sgd', lr: 0.1, loss: 'bce' });
    const after = (next: ExperimentConfig | null) =>
      withTrainer(c, async (t) => {
        await train(t, 3);
        const verdict = next ? t.update(next) : null;
        return { verdict, m: await train(t, 2) };
      });
    const same = await after(null);
    const refused = await after({ ...c, loss: 'mse', lr: 0.2 });
    expect(refused.verdict).toBe('needs a new run');
    // Nothing was applied: not the loss, not the learning rate that came with it.
    expect(refused.m).toEqual(same.m);
    const applied = await after({ ...c, lr: 0.2, l2: 0.01, slice: [1, 0], backend: 'wasm' });
    expect(applied.verdict).toBe('applied');
    expect(applied.m.map((r) => r.epoch)).toEqual([4, 5]);
    expect(applied.m.at(-1)!.trainLoss).not.toBe(same.m.at(-1)!.trainLoss);
    await withTrainer(c, async (t) => {
      expect(t.update({ ...c, layers: [9] })).toBe('needs a new run');
      expect(t.update({ ...c, optimizer: 'adam' })).toBe('applied');
    });
  });

  it('boundary() gives resolution² probabilities for a binary set and evaluateTest() finite values', async () => {
    await withTrainer(CIRCLE, async (t) => {
      const b = await t.boundary();
      expect(b).toHaveLength(GRID_RESOLUTION ** 2);
      expect(b.every((v) => v >= 0 && v <= 1)).toBe(true);
      const r = await t.evaluate();
      expect(Number.isFinite(r.loss)).toBe(true);
      expect(r.accuracy!).toBeGreaterThanOrEqual(0);
      expect(r.accuracy!).toBeLessThanOrEqual(1);
      // 200 points, 50% train, 25% validation: 50 test points.
      expect(t.testSize).toBe(50);
    });
  });

  it('training metrics: every row up to TRAIN_METRIC_ROWS, a fixed sample beyond; no tensor left behind', async () => {
    await withTrainer(CIRCLE, async (t) => {
      const [m] = await t.flush();
      expect(m.trainLoss).toBeCloseTo((await t.evaluate('train')).loss, 6);
    });
    const big = cfg({ ...CIRCLE, samples: 1200 });
    const before = tf.memory().numTensors;
    await withTrainer(big, async (t) => {
      const [m] = await t.flush();
      const full = (await t.evaluate('train')).loss;
      expect(m.trainLoss).not.toBe(full);
      expect(Math.abs(m.trainLoss - full) / full).toBeLessThan(0.15);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(TRAIN_METRIC_ROWS).toBeLessThan(600);
  });
});

describe('Trainer.trainEpochPaced', () => {
  it('trains exactly as trainEpoch does, waiting where asked, and frees every batch', async () => {
    const c = cfg({ ...CIRCLE, dropout: [0.2] });
    const plain = await withTrainer(c, (t) => train(t, 4));
    let waits = 0;
    const paced = await withTrainer(c, async (t) => {
      const epoch = async () => expect(await t.trainEpochPaced(() => (++waits % 3 === 0 ? t.sync() : null))).toBe(true);
      // The first epoch creates the optimizer's state; after it the count holds still.
      await epoch();
      const out = await t.flush();
      const before = tf.memory().numTensors;
      for (let e = 0; e < 3; e++) await epoch();
      out.push(...(await t.flush()));
      expect(tf.memory().numTensors).toBe(before);
      return out;
    });
    expect(waits).toBeGreaterThan(0);
    expect(paced.map((m) => m.trainLoss)).toEqual(plain.map((m) => m.trainLoss));
    expect(paced.map((m) => m.valLoss)).toEqual(plain.map((m) => m.valLoss));
  });

  it('stops without counting the epoch when the trainer is disposed during a wait', async () => {
    const before = tf.memory().numTensors;
    const t = new Trainer(prepareData(CIRCLE).data, CIRCLE, 0);
    let first = true;
    const counted = await t.trainEpochPaced(() => {
      if (!first) return null;
      first = false;
      return Promise.resolve().then(() => t.dispose());
    });
    expect(counted).toBe(false);
    expect(t.epoch).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Trainer.trainSteps', () => {
  it('trains only the first steps of an epoch, uncounted, and frees every batch', async () => {
    await withTrainer(CIRCLE, async (t) => {
      await t.flush();
      const steps = Math.ceil(prepareData(CIRCLE).data.train.n / CIRCLE.batch);
      const w0 = Array.from(await t.model.kernels[0].data());
      // The first call creates the optimizer's state; after it the count holds still.
      expect(t.trainSteps(2)).toBe(2);
      const before = tf.memory().numTensors;
      expect(t.trainSteps(3)).toBe(3);
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(await t.model.kernels[0].data())).not.toEqual(w0);
      // Never more than one epoch's steps; the epoch count and the metrics queue stay as they were.
      expect(t.trainSteps(10_000)).toBe(steps);
      expect(t.epoch).toBe(0);
      expect(t.pendingCount).toBe(0);
    });
  });

  it('a Trainer built without epoch-0 metrics queues none until an epoch ends', async () => {
    const t = new Trainer(prepareData(CIRCLE).data, CIRCLE, 0, undefined, false);
    try {
      expect(t.pendingCount).toBe(0);
      t.trainEpoch();
      expect((await t.flush()).map((m) => m.epoch)).toEqual([1]);
    } finally {
      t.dispose();
    }
  });
});
