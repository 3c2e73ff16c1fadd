// The Trainer's learning-rate schedules and gradient clipping (src/shared/schedule.ts, clip.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainEpochs, withTrainer } from './testing';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { prepareData } from '../worker/prepareData';
import { batchKey } from './batchedMlp';
import { Trainer } from './trainer';

/** Reads every 3 epochs (not the worker's 5), so a schedule's rates are checked across several flushes. */
const train = (t: Trainer, epochs: number) => trainEpochs(t, epochs, 3);

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function cfg(over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, samples: 200, seed: 7, backend: 'cpu', layers: [8], activations: ['tanh'], optimizer: 'sgd', lr: 0.1, batch: 10, ...over };
}

const maxChange = (a: Float32Array[], b: Float32Array[]) => Math.max(...a.map((arr, i) => Math.max(...arr.map((v, j) => Math.abs(v - b[i][j])))));

describe('Trainer learning-rate schedules', () => {
  // The rate of training epochs 0…7 (reported as EpochMetrics epochs 1…8), written out from the
  // schedules' definitions at base rate 0.1.
  const cases: [string, number[]][] = [
    ['constant', [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]],
    ['step:3:0.5', [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025]],
    ['exp:0.5', [0.1, 0.05, 0.025, 0.0125, 0.00625, 0.003125, 0.0015625, 0.00078125]],
    // half a cosine over 4 epochs: 1, (1 + cos π/4)/2, 1/2, (1 + cos 3π/4)/2, then 0
    ['cosine:4', [0.1, (0.1 * (1 + Math.SQRT1_2)) / 2, 0.05, (0.1 * (1 - Math.SQRT1_2)) / 2, 0, 0, 0, 0]],
    ['warmup:4', [0.025, 0.05, 0.075, 0.1, 0.1, 0.1, 0.1, 0.1]],
    ['warmup:2+step:2:0.1', [0.05, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001]],
  ];
  for (const [schedule, rates] of cases) {
    it(`trains each epoch at its scheduled rate and reports it (${schedule})`, async () => {
      await withTrainer(cfg({ schedule }), async (t) => {
        expect(t.learningRate).toBeCloseTo(rates[0], 9);
        const all = [...(await t.flush()), ...(await train(t, 8))];
        expect(all.map((m) => m.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        expect(all[0].lr).toBeUndefined();
        all.slice(1).forEach((m, i) => expect(m.lr, `epoch ${m.epoch}`).toBeCloseTo(rates[i], 9));
        expect(all.every((m) => m.clipped === undefined)).toBe(true);
      });
    });
  }

  for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
    it(`the optimizer steps with the scheduled rate: a cosine at 0 leaves the weights as they are (${optimizer})`, async () => {
      await withTrainer(cfg({ optimizer, lr: 0.05, schedule: 'cosine:2' }), async (t) => {
        const w0 = await t.model.readWeights();
        t.trainEpoch(); // rate 0.05
        const w1 = await t.model.readWeights();
        t.trainEpoch(); // rate 0.025
        t.trainEpoch(); // rate 0 from here: tfjs scales every optimizer's whole step by the rate
        const w3 = await t.model.readWeights();
        t.trainEpoch();
        const w4 = await t.model.readWeights();
        await t.flush();
        expect(maxChange(w0, w1)).toBeGreaterThan(1e-4);
        expect(maxChange(w3, w4)).toBe(0);
      });
    });
  }

  it('a live base-rate change under a schedule scales the schedule from the next epoch; a live schedule change too', async () => {
    const c = cfg({ schedule: 'step:2:0.5' });
    await withTrainer(c, async (t) => {
      await train(t, 3); // rates 0.1, 0.1, 0.05
      expect(t.update({ ...c, lr: 0.4 })).toBe('applied');
      expect(t.learningRate).toBeCloseTo(0.2, 9); // epoch 3: 0.4 × 0.5
      const a = await train(t, 2); // epochs 3, 4: 0.4 × 0.5, 0.4 × 0.25
      expect(a.map((m) => [m.epoch, m.lr])).toEqual([
        [4, expect.closeTo(0.2, 9)],
        [5, expect.closeTo(0.1, 9)],
      ]);
      expect(t.update({ ...c, lr: 0.4, schedule: 'constant' })).toBe('applied');
      const b = await train(t, 1);
      expect(b[0].lr).toBeCloseTo(0.4, 9);
      // A new optimizer (another β) starts at the schedule's rate of the epoch, not the base rate.
      t.update({ ...c, lr: 0.4, optimizer: 'momentum', momentum: 0.5 });
      const d = await train(t, 1); // epoch 6 of step:2:0.5: 0.4 × 0.125
      expect(d[0].lr).toBeCloseTo(0.05, 9);
    });
  });
});

describe('Trainer gradient clipping', () => {
  const steps = (c: ExperimentConfig) => Math.ceil(prepareData(c).data.train.n / c.batch);

  it('reports the clipped share of each epoch: all steps under a tiny norm, none under a huge one', async () => {
    for (const [clip, share] of [
      [1e-4, 1],
      [1e6, 0],
    ] as const) {
      await withTrainer(cfg({ clip }), async (t) => {
        const m = await train(t, 3);
        expect(m.slice(1).map((r) => r.clipped)).toEqual([share, share, share]);
        expect(m[0].clipped).toBeUndefined();
      });
    }
  });

  it('counts a share that is a whole number of steps, between none and all, for a middling norm', async () => {
    const c = cfg({ clip: 0.15, lr: 0.3 });
    const n = steps(c);
    await withTrainer(c, async (t) => {
      const m = (await train(t, 6)).slice(1);
      const shares = m.map((r) => r.clipped!);
      for (const s of shares) expect(Math.abs(s * n - Math.round(s * n))).toBeLessThan(1e-6);
      const total = shares.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(shares.length);
    });
  });

  it('caps each SGD step at lr × clip: one epoch moves no weight further than steps × lr × clip', async () => {
    const c = cfg({ clip: 1e-3, lr: 0.5, l2: 0.01 });
    await withTrainer(c, async (t) => {
      const w0 = await t.model.readWeights();
      t.trainEpoch();
      const w1 = await t.model.readWeights();
      await t.flush();
      const moved = Math.sqrt(w0.reduce((s, a, i) => s + a.reduce((q, v, j) => q + (v - w1[i][j]) ** 2, 0), 0));
      expect(moved).toBeGreaterThan(0);
      expect(moved).toBeLessThanOrEqual(steps(c) * 0.5 * 1e-3 * (1 + 1e-4));
      // Without clipping the same epoch moves the weights much further.
      const free = await withTrainer({ ...c, clip: 0 }, async (u) => {
        u.trainEpoch();
        const w = await u.model.readWeights();
        await u.flush();
        return Math.sqrt(w0.reduce((s, a, i) => s + a.reduce((q, v, j) => q + (v - w[i][j]) ** 2, 0), 0));
      });
      expect(free).toBeGreaterThan(10 * moved);
    });
  });

  it('a live clip change applies to the next steps; turning it off stops the report', async () => {
    const c = cfg({ clip: 0 });
    await withTrainer(c, async (t) => {
      expect((await train(t, 1))[1].clipped).toBeUndefined();
      t.update({ ...c, clip: 1e-4 });
      expect((await train(t, 1))[0].clipped).toBe(1);
      t.update({ ...c, clip: 0 });
      expect((await train(t, 1))[0].clipped).toBeUndefined();
    });
  });

  it('leaves no tensor behind: constant count across epochs with clipping and a schedule, and none after dispose', async () => {
    const c = cfg({ clip: 0.2, schedule: 'warmup:2+exp:0.9', optimizer: 'momentum' });
    const data = prepareData(c).data;
    const before = tf.memory().numTensors;
    const t = new Trainer(data, c);
    t.trainEpoch();
    await t.flush();
    const afterOne = tf.memory().numTensors;
    await train(t, 7);
    expect(tf.memory().numTensors).toBe(afterOne);
    t.trainSteps(2); // a partial epoch's count is dropped
    expect(tf.memory().numTensors).toBe(afterOne);
    t.trainEpoch(); // one epoch left pending, one cut short: dispose frees both
    await t.trainEpochPaced(() => {
      t.dispose();
      return Promise.resolve();
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the batched search engine', () => {
  it('leaves trials with a schedule or clipping to the Trainer (no batch key)', () => {
    const shape = { inputs: 2, classes: 2 };
    expect(batchKey(cfg(), shape)).not.toBeNull();
    expect(batchKey(cfg({ schedule: 'constant', clip: 0 }), shape)).toBe(batchKey(cfg(), shape));
    for (const schedule of ['step:10:0.5', 'exp:0.99', 'cosine:50', 'warmup:5']) expect(batchKey(cfg({ schedule }), shape), schedule).toBeNull();
    expect(batchKey(cfg({ clip: 1 }), shape)).toBeNull();
  });
});
