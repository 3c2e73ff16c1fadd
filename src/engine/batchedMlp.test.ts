import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherRows, gatherValues } from '../data/features';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { pointsSource, type SourceData } from '../worker/dataSource';
import { foldPairs } from '../worker/crossValidate';
import { BatchedMlp, batchKey, StopJudge, trainMembers, type BatchMember } from './batchedMlp';
import { Trainer, type TrainerData } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const BASE: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 200, seed: 3 };

/** BASE with overrides; `layers` alone sets the activations and dropout to match. */
function cfg(over: Partial<ExperimentConfig>): ExperimentConfig {
  const c = { ...BASE, ...over };
  if (over.layers && !over.activations) c.activations = over.layers.map(() => BASE.activations[0]);
  if (over.layers && !over.dropout) c.dropout = over.layers.map(() => 0);
  return c;
}

function member(c: ExperimentConfig, src: SourceData, fold = 0, k = 1): BatchMember {
  const pair = foldPairs(c, src, k)[fold];
  return { settings: c, data: { x: src.x, y: src.y, train: pair.train, val: pair.val, plot: src.plot } };
}

interface Score {
  loss: number;
  accuracy: number | null;
}

/** What crossValidate does for one fold: the Trainer alone on the member's rows, scored on its validation rows. */
async function solo(m: BatchMember, src: SourceData, epochs: number): Promise<Score> {
  const part = (idx: Int32Array) => ({ x: gatherRows(m.data.x, src.width, idx), y: gatherValues(src.y, idx), n: idx.length });
  const data: TrainerData = {
    inputs: src.width,
    classes: src.classes,
    train: part(m.data.train),
    val: part(m.data.val),
    test: part(new Int32Array(0)),
    grid: src.grid.slice(0, 4 * src.width),
    trainRaw: gatherRows(src.plot, 2, m.data.train),
  };
  const t = new Trainer(data, m.settings, m.run ?? 0);
  try {
    for (let e = 0; e < epochs; e++) t.trainEpoch();
    await t.flush();
    return await t.evaluate('val');
  } finally {
    t.dispose();
  }
}

async function batched(members: BatchMember[], src: SourceData, epochs: number): Promise<Score[]> {
  const out = await trainMembers(members, { inputs: src.width, classes: src.classes }, epochs);
  return out!.map(({ loss, accuracy }) => ({ loss, accuracy }));
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

/**
 * Trains the configs as one group and each alone with the Trainer; every member's final
 * validation loss must match within `tol` (relative), its accuracy within one validation row.
 */
async function expectLikeTrainer(configs: ExperimentConfig[], epochs: number, tol: number, k = 1): Promise<number> {
  const src = pointsSource(configs[0]);
  const members = configs.flatMap((c) => Array.from({ length: k }, (_, f) => member(c, src, f, k)));
  const got = await batched(members, src, epochs);
  let worst = 0;
  for (const [i, m] of members.entries()) {
    const want = await solo(m, src, epochs);
    const err = relErr(got[i].loss, want.loss);
    worst = Math.max(worst, err);
    expect(err, `member ${i}: ${got[i].loss} vs ${want.loss}`).toBeLessThan(tol);
    if (want.accuracy === null) expect(got[i].accuracy).toBeNull();
    else expect(Math.abs(got[i].accuracy! - want.accuracy)).toBeLessThanOrEqual(1 / m.data.val.length + 1e-6);
  }
  return worst;
}

describe('BatchedMlp matches the Trainer member by member', () => {
  // Observed: about 1e-7 after 20 epochs for every optimizer (one float32 rounding here and
  // there: the bias rides in the matMul, the loss gradient is written in closed form).
  const TOL = 1e-5;

  it('SGD: different learning rates, batch sizes (10, 20, 50) and widths in one group', async () => {
    await expectLikeTrainer(
      [
        cfg({ lr: 0.01, batch: 10, layers: [4, 2] }),
        cfg({ lr: 0.1, batch: 20, layers: [8, 8] }),
        cfg({ lr: 0.03, batch: 50, layers: [2, 2] }),
        cfg({ lr: 0.3, batch: 7, layers: [3, 5] }),
      ],
      20,
      TOL,
    );
  });

  for (const optimizer of ['momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
    it(`${optimizer}, with L2 and L1 penalties`, async () => {
      await expectLikeTrainer(
        [
          cfg({ optimizer, lr: 0.01, batch: 10, layers: [4, 2] }),
          cfg({ optimizer, lr: 0.03, batch: 20, layers: [8, 8], l2: 0.001 }),
          cfg({ optimizer, lr: 0.003, batch: 50, layers: [2, 2], l1: [0.001, 0, 0.01] }),
        ],
        20,
        TOL,
      );
    });
  }

  for (const act of ['relu', 'sigmoid', 'linear'] as const) {
    it(`${act} hidden layers, padded to the widest`, async () => {
      await expectLikeTrainer(
        [
          cfg({ lr: 0.1, batch: 10, layers: [4, 2], activations: [act, act] }),
          cfg({ lr: 0.03, batch: 20, layers: [8, 3], activations: [act, act], l2: 0.01 }),
          cfg({ lr: 0.3, batch: 50, layers: [2, 6], activations: [act, act], l1: 0.003, optimizer: 'sgd' }),
        ],
        20,
        TOL,
      );
    });
  }

  it('cross-entropy on 3 classes, MSE on sigmoid and softmax outputs, regression, a linear model', async () => {
    const blobs = { dataset: 'blobs' as const };
    await expectLikeTrainer([cfg({ ...blobs, loss: 'cce', lr: 0.1, layers: [5] }), cfg({ ...blobs, loss: 'cce', lr: 0.03, batch: 7, layers: [3] })], 20, TOL);
    await expectLikeTrainer([cfg({ ...blobs, loss: 'mse', lr: 0.1, layers: [5] }), cfg({ ...blobs, loss: 'mse', lr: 0.3, batch: 7, layers: [3] })], 20, TOL);
    await expectLikeTrainer([cfg({ ...blobs, loss: 'mse', optimizer: 'adam', lr: 0.01, batch: 7, layers: [3] })], 20, TOL);
    await expectLikeTrainer([cfg({ loss: 'mse', lr: 0.1, layers: [5] }), cfg({ loss: 'mse', lr: 0.03, batch: 7, layers: [3] })], 20, TOL);
    const plane = { dataset: 'plane' as const, problem: 'regression' as const, loss: 'mse' as const };
    await expectLikeTrainer([cfg({ ...plane, lr: 0.01, layers: [5] }), cfg({ ...plane, lr: 0.03, batch: 7, layers: [2] })], 20, TOL);
    await expectLikeTrainer([cfg({ lr: 0.1, layers: [], activations: [], dropout: [] }), cfg({ lr: 0.3, batch: 25, layers: [], activations: [], dropout: [] })], 20, TOL);
  });

  it('k-fold members (each its own validation rows) and augmentation', async () => {
    await expectLikeTrainer([cfg({ lr: 0.1, layers: [4, 2] }), cfg({ lr: 0.03, batch: 16, layers: [6, 2] })], 10, TOL, 3);
    await expectLikeTrainer(
      [cfg({ lr: 0.1, layers: [4, 2], augment: { jitter: 0.3, symmetry: true } }), cfg({ lr: 0.03, batch: 16, layers: [6, 2], augment: { jitter: 0, symmetry: true } })],
      10,
      TOL,
    );
  });
});

describe('BatchedMlp groups', () => {
  it('padding and neighbours change nothing: each member ends exactly as when trained alone', async () => {
    const src = pointsSource(BASE);
    for (const optimizer of ['sgd', 'adam', 'momentum'] as const) {
      const configs = [
        cfg({ optimizer, lr: 0.03, batch: 10, layers: [2, 2], l2: 0.001 }),
        cfg({ optimizer, lr: 0.01, batch: 50, layers: [8, 8], l1: 0.001 }),
        cfg({ optimizer, lr: 0.1, batch: 33, layers: [5, 1] }),
      ];
      const together = await batched(
        configs.map((c) => member(c, src)),
        src,
        8,
      );
      for (const [i, c] of configs.entries()) {
        const [alone] = await batched([member(c, src)], src, 8);
        expect(together[i], `${optimizer} member ${i}`).toEqual(alone);
      }
    }
  });

  it('a member with no batch left in a step (batch 50 beside batch 10) keeps its weights and state', async () => {
    const src = pointsSource(BASE);
    const a = member(cfg({ optimizer: 'adam', lr: 0.01, batch: 10, layers: [4, 2] }), src);
    const b = member(cfg({ optimizer: 'adam', lr: 0.01, batch: 50, layers: [4, 2] }), src);
    const shape = { inputs: src.width, classes: src.classes };
    const pair = new BatchedMlp([a, b], shape);
    const single = new BatchedMlp([b], shape);
    try {
      for (let e = 0; e < 3; e++) {
        pair.trainEpoch();
        single.trainEpoch();
      }
      expect((await pair.readWeights())[1]).toEqual((await single.readWeights())[0]);
    } finally {
      pair.dispose();
      single.dispose();
    }
  });

  it('dropout: seeded masks per member, a rate per layer, and it still learns', async () => {
    const src = pointsSource(BASE);
    const a = cfg({ lr: 0.1, layers: [6, 4], dropout: [0.3, 0.2] });
    const b = cfg({ lr: 0.1, batch: 25, layers: [3, 4], dropout: [0, 0.5] });
    const first = await batched([member(a, src), member(b, src)], src, 30);
    expect(await batched([member(a, src), member(b, src)], src, 30)).toEqual(first);
    // The masks come from the member's own seeded stream: the same alone as in the group.
    expect((await batched([member(a, src)], src, 30))[0]).toEqual(first[0]);
    const start = await batched([member(a, src), member(b, src)], src, 0);
    expect(first[0].loss).toBeLessThan(start[0].loss);
    expect(first[1].loss).toBeLessThan(start[1].loss);
  });

  it('refuses members that cannot share a group, and settings it cannot train', () => {
    const shape = { inputs: 2, classes: 2 };
    expect(batchKey(cfg({ layers: [4] }), shape)).not.toBe(batchKey(cfg({ layers: [4, 4] }), shape));
    expect(batchKey(cfg({ optimizer: 'adam' }), shape)).not.toBe(batchKey(cfg({ optimizer: 'sgd' }), shape));
    expect(batchKey(cfg({ lr: 0.1, batch: 7, layers: [9, 3], l2: 0.1 }), shape)).toBe(batchKey(cfg({}), shape));
    expect(batchKey(cfg({ loss: 'cce' }), shape)).toBeNull();
    const src = pointsSource(BASE);
    expect(() => new BatchedMlp([member(cfg({ layers: [4] }), src), member(cfg({ layers: [4, 4] }), src)], shape)).toThrow(/share/);
  });

  it('frees every tensor, also when cancelled', async () => {
    const src = pointsSource(BASE);
    const shape = { inputs: src.width, classes: src.classes };
    const before = tf.memory().numTensors;
    for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
      const members = [cfg({ optimizer, batch: 10, l2: 0.01, l1: 0.001, dropout: [0, 0.1] }), cfg({ optimizer, batch: 40, layers: [3, 7], dropout: [0.2, 0], patience: 3 })].map((c) => member(c, src));
      expect(await trainMembers(members, shape, 4)).toHaveLength(2);
      expect(tf.memory().numTensors).toBe(before);
    }
    let calls = 0;
    expect(await trainMembers([member(cfg({}), src)], shape, 50, { cancelled: () => ++calls > 3 })).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('early stopping per member', () => {
  it('StopJudge decides like the Trainer: patience epochs without an improvement by more than minDelta', () => {
    const j = new StopJudge({ patience: 2, minDelta: 0.01, restoreBest: true });
    [1, 0.5, 0.495, 0.6, 0.4].forEach((v, e) => j.feed(e, v));
    expect(j.stop).toEqual({ bestEpoch: 1, stopEpoch: 3, bestValLoss: 0.5, restored: true });
    expect(j.scoreEpoch).toBe(1);
    const k = new StopJudge({ patience: 2, minDelta: 0, restoreBest: false });
    [1, 0.9, 0.95, 0.97].forEach((v, e) => k.feed(e, v));
    expect(k.scoreEpoch).toBe(3);
    const off = new StopJudge({ patience: 0, minDelta: 0, restoreBest: true });
    [1, 2, 3, 4].forEach((v, e) => off.feed(e, v));
    expect(off.stop).toBeNull();
  });

  it('a stopped member scores where the Trainer stopped; the others train on to the end', async () => {
    const src = pointsSource(BASE);
    // A high learning rate with a short patience stops early; the other member never stops.
    const stopping = cfg({ lr: 3, batch: 10, layers: [8, 8], patience: 3, minDelta: 0.0001, restoreBest: true });
    const plain = cfg({ lr: 0.03, batch: 20, layers: [4, 2], patience: 0 });
    const out = await trainMembers([member(stopping, src), member(plain, src)], { inputs: src.width, classes: src.classes }, 40, { readEvery: 7 });
    expect(out![0].stop).not.toBeNull();
    expect(out![1].stop).toBeNull();
    // The Trainer with its early stopper, as crossValidate runs it.
    const m = member(stopping, src);
    const part = (idx: Int32Array) => ({ x: gatherRows(src.x, src.width, idx), y: gatherValues(src.y, idx), n: idx.length });
    const data: TrainerData = { inputs: src.width, classes: 2, train: part(m.data.train), val: part(m.data.val), test: part(new Int32Array(0)), grid: new Float32Array(8), trainRaw: gatherRows(src.plot, 2, m.data.train) };
    const t = new Trainer(data, stopping, 0);
    try {
      let stop = null;
      while (t.epoch < 40 && !stop) {
        t.trainEpoch();
        if (t.epoch % 25 === 0 || t.epoch === 40) {
          await t.flush();
          stop = t.takeStop();
        }
      }
      expect(stop).not.toBeNull();
      expect({ ...out![0].stop, bestValLoss: 0 }).toEqual({ ...stop, bestValLoss: 0 });
      expect(relErr(out![0].stop!.bestValLoss, stop!.bestValLoss)).toBeLessThan(1e-5);
      const r = await t.evaluate('val');
      expect(relErr(out![0].loss, r.loss)).toBeLessThan(1e-5);
    } finally {
      t.dispose();
    }
    const [alone] = await batched([member(plain, src)], src, 40);
    expect(out![1].loss).toBe(alone.loss);
  });
});
