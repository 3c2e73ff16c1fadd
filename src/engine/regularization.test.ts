import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/protocol';
import { prepareData } from '../worker/prepareData';
import { weightPenalty } from './penalties';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function cfg(over: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, samples: 200, seed: 11, backend: 'cpu', layers: [8], activations: ['tanh'], dropout: [0], optimizer: 'adam', lr: 0.03, ...over };
}

/** Trains `epochs` epochs reading metrics every 4, as the worker does; returns all of them. */
async function run(c: ExperimentConfig, epochs: number): Promise<EpochMetrics[]> {
  const t = new Trainer(prepareData(c).data, c, 0);
  try {
    const all: EpochMetrics[] = [...(await t.flush())];
    for (let e = 0; e < epochs; e++) {
      t.trainEpoch();
      if (e % 4 === 3) all.push(...(await t.flush()));
    }
    all.push(...(await t.flush()));
    return all;
  } finally {
    t.dispose();
  }
}

describe('weight penalties', () => {
  it('match λ₁Σ|w| + λ₂Σw² over the kernels', async () => {
    const w1 = tf.tensor2d([[1, -2], [0.5, 0]]);
    const w2 = tf.tensor2d([[-3], [4]]);
    const l1 = (await weightPenalty([w1, w2], [0.1, 0.1], [0, 0]).data())[0];
    const l2 = (await weightPenalty([w1, w2], [0, 0], [0.01, 0.01]).data())[0];
    const both = (await weightPenalty([w1, w2], [0.1, 0.1], [0.01, 0.01]).data())[0];
    expect(l1).toBeCloseTo(0.1 * (1 + 2 + 0.5 + 0 + 3 + 4), 5);
    expect(l2).toBeCloseTo(0.01 * (1 + 4 + 0.25 + 0 + 9 + 16), 5);
    expect(both).toBeCloseTo(l1 + l2, 5);
    // Per layer: λ₂ only on the second layer.
    const second = (await weightPenalty([w1, w2], [0, 0], [0, 0.01]).data())[0];
    expect(second).toBeCloseTo(0.01 * (9 + 16), 5);
    w1.dispose();
    w2.dispose();
  });

  it('are reported per epoch, kept out of the data losses, and shrink the weights', async () => {
    const plain = await run(cfg(), 40);
    const reg = await run(cfg({ l2: 0.05 }), 40);
    expect(plain.every((e) => e.penalty === 0)).toBe(true);
    expect(reg[0].penalty).toBeGreaterThan(0);
    // Same initial weights: epoch 0's data losses agree; only the penalty differs.
    expect(reg[0].trainLoss).toBe(plain[0].trainLoss);
    expect(reg[0].valLoss).toBe(plain[0].valLoss);
    // The penalty pulls the weights in: their squared norm ends below the unpenalized run's.
    const sq = (m: EpochMetrics) => m.penalty! / 0.05;
    const plainNorm = (await run(cfg({ l2: 1e-9 }), 40)).at(-1)!.penalty! / 1e-9;
    expect(sq(reg.at(-1)!)).toBeLessThan(plainNorm * 0.8);
  });

  it('L1 has slope sign(w): 0 at a weight of exactly 0, ±λ elsewhere', async () => {
    const w = tf.variable(tf.tensor2d([[0, 0.5], [-0.25, 0]]));
    const g = tf.variableGrads(() => weightPenalty([w], [0.1], [0]), [w]).grads[w.name];
    expect(Array.from(await g.data())).toEqual([0, 0.1, -0.1, 0].map((v) => Math.fround(v)));
    g.dispose();
    w.dispose();
  });

  it('with the Zeros initializer and L1, the kernels stay at exactly 0 instead of flipping around it', async () => {
    // All-zero kernels get no data gradient (every hidden unit and its outgoing weight is 0), so
    // only the penalty could move them; with slope 0 at 0 it does not.
    for (const optimizer of ['sgd', 'adam'] as const) {
      const c = cfg({ init: 'zeros', l1: 0.01, optimizer, lr: 0.1 });
      const t = new Trainer(prepareData(c).data, c, 0);
      try {
        for (let e = 0; e < 3; e++) t.trainEpoch();
        const metrics = await t.flush();
        expect(metrics.at(-1)!.penalty, optimizer).toBe(0);
        for (const k of t.model.kernels) expect(Array.from(await k.data()).every((v) => v === 0), optimizer).toBe(true);
      } finally {
        t.dispose();
      }
    }
  });

  it('per-layer λ equal to a global λ trains identically', async () => {
    const global = await run(cfg({ l2: 0.02 }), 8);
    const perLayer = await run(cfg({ l2: [0.02, 0.02] }), 8);
    expect(perLayer.map((e) => e.trainLoss)).toEqual(global.map((e) => e.trainLoss));
    const outputOnly = await run(cfg({ l2: [0, 0.02] }), 8);
    expect(outputOnly[0].penalty!).toBeLessThan(global[0].penalty!);
    expect(outputOnly[0].penalty!).toBeGreaterThan(0);
  });
});

describe('dropout', () => {
  it('is inactive at evaluation: metrics of the same weights agree however often they are read', async () => {
    const c = cfg({ layers: [16, 16], activations: ['relu', 'relu'], dropout: [0.5, 0.5] });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      t.trainEpoch();
      const [, first] = await t.flush();
      const a = await t.evaluate('val');
      const b = await t.evaluate('val');
      expect(a).toEqual(b);
      const g1 = await t.boundary();
      const g2 = await t.boundary();
      expect(Array.from(g1)).toEqual(Array.from(g2));
      expect(Number.isFinite(first.valLoss)).toBe(true);
    } finally {
      t.dispose();
    }
  });

  it('changes training (the masks are used) and is seeded (the same run repeats exactly)', async () => {
    const base = cfg({ layers: [16], activations: ['relu'] });
    const none = await run({ ...base, dropout: [0] }, 5);
    const d1 = await run({ ...base, dropout: [0.5] }, 5);
    const d2 = await run({ ...base, dropout: [0.5] }, 5);
    expect(d1[0].trainLoss).toBe(none[0].trainLoss);
    expect(d1.at(-1)!.trainLoss).not.toBe(none.at(-1)!.trainLoss);
    expect(d2.map((e) => e.trainLoss)).toEqual(d1.map((e) => e.trainLoss));
  });
});

describe('augmentation', () => {
  it('never touches validation data and changes the training inputs every epoch', async () => {
    const c = cfg({ augment: { jitter: 0.5, symmetry: true } });
    const prepared = prepareData(c);
    const valBefore = prepared.data.val.x.slice();
    const t = new Trainer(prepared.data, c, 0);
    const plain = new Trainer(prepareData(cfg()).data, cfg(), 0);
    try {
      t.trainEpoch();
      const first = t.augmented!.slice();
      t.trainEpoch();
      expect(Array.from(t.augmented!)).not.toEqual(Array.from(first));
      expect(Array.from(prepared.data.val.x)).toEqual(Array.from(valBefore));
      const [aug0] = await t.flush();
      const [plain0] = await plain.flush();
      // Epoch 0 is evaluated before any training: the same weights, the same validation loss.
      expect(aug0.valLoss).toBe(plain0.valLoss);
    } finally {
      t.dispose();
      plain.dispose();
    }
  });
});

describe('early stopping', () => {
  // A big network on few noisy points overfits quickly, so validation loss turns upward.
  const overfit = (restoreBest: boolean) =>
    cfg({ samples: 60, noise: 0.5, layers: [64, 64], activations: ['relu', 'relu'], dropout: [0, 0], lr: 0.03, patience: 15, minDelta: 0, restoreBest });

  async function trainUntilStop(c: ExperimentConfig) {
    const t = new Trainer(prepareData(c).data, c, 0);
    const all: EpochMetrics[] = [...(await t.flush())];
    let stop = null;
    for (let e = 0; e < 800 && !stop; e++) {
      t.trainEpoch();
      if (e % 4 === 3) {
        all.push(...(await t.flush()));
        stop = t.takeStop();
      }
    }
    return { t, all, stop };
  }

  it('stops patience epochs after the best; restoring gives back the best validation loss', async () => {
    const { t, all, stop } = await trainUntilStop(overfit(true));
    try {
      expect(stop, 'early stopping ended the run').not.toBeNull();
      const best = all.reduce((b, e) => (e.valLoss < b.valLoss ? e : b));
      expect(stop!.bestEpoch).toBe(best.epoch);
      expect(stop!.stopEpoch).toBe(best.epoch + 15);
      expect(stop!.restored).toBe(true);
      expect(all.at(-1)!.epoch).toBe(stop!.stopEpoch);
      expect(t.epoch).toBe(stop!.stopEpoch);
      expect((await t.evaluate('val')).loss).toBeCloseTo(best.valLoss, 6);
      expect(stop!.bestValLoss).toBeCloseTo(best.valLoss, 6);
    } finally {
      t.dispose();
    }
  });

  it('without restore keeps the weights of the stop epoch, and frees every snapshot', async () => {
    const before = tf.memory().numTensors;
    const { t, all, stop } = await trainUntilStop(overfit(false));
    try {
      expect(stop).not.toBeNull();
      expect(stop!.restored).toBe(false);
      expect((await t.evaluate('val')).loss).toBeCloseTo(all.at(-1)!.valLoss, 6);
    } finally {
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('tensor count', () => {
  it('stays flat across epochs with every regularizer on', async () => {
    const c = cfg({ layers: [8, 8], activations: ['tanh', 'tanh'], dropout: [0.2, 0.2], l1: 0.001, l2: 0.001, augment: { jitter: 0.3, symmetry: true }, patience: 500 });
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      t.trainEpoch();
      await t.flush();
      const after1 = tf.memory().numTensors;
      for (let e = 0; e < 20; e++) {
        t.trainEpoch();
        if (e % 4 === 3) await t.flush();
      }
      await t.flush();
      expect(tf.memory().numTensors).toBe(after1);
    } finally {
      t.dispose();
    }
  });
});
