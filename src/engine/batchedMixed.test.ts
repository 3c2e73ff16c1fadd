// The optimizer race's engine: one batched group whose members use different optimizers (and
// learning rates that change by epoch) must train each member as a Trainer with that optimizer.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherRows, gatherValues } from '../data/features';
import { DEFAULT_CONFIG, type ExperimentConfig, type OptimizerKey } from '../shared/config';
import { rateAt } from '../shared/schedule';
import { pointsSource, type SourceData } from '../worker/dataSource';
import { BatchedMlp, mixedKey, trainMetricRows, type BatchMember } from './batchedMlp';
import { Trainer, TRAIN_METRIC_ROWS, type TrainerData } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const BASE: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 200, seed: 5 };
const RACE: [OptimizerKey, number][] = [
  ['sgd', 0.1],
  ['momentum', 0.02],
  ['adam', 0.01],
  ['rmsprop', 0.005],
  ['adagrad', 0.1],
];

function members(c: ExperimentConfig, src: SourceData): BatchMember[] {
  return RACE.map(([optimizer, lr]) => ({
    settings: { ...c, optimizer, lr },
    data: { x: src.x, y: src.y, train: src.split.train, val: src.split.val, plot: src.plot },
  }));
}

function trainerData(src: SourceData): TrainerData {
  const part = (idx: Int32Array) => ({ x: gatherRows(src.x, src.width, idx), y: gatherValues(src.y, idx), n: idx.length });
  return {
    inputs: src.width,
    classes: src.classes,
    train: part(src.split.train),
    val: part(src.split.val),
    test: part(new Int32Array(0)),
    grid: src.grid.slice(0, 4 * src.width),
    trainRaw: gatherRows(src.plot, 2, src.split.train),
  };
}

/** Per epoch (0 = start): [train loss, val loss] per member, from the group and from a Trainer each. */
async function race(c: ExperimentConfig, epochs: number): Promise<{ group: number[][][]; solo: number[][][] }> {
  const src = pointsSource(c);
  const ms = members(c, src);
  const net = new BatchedMlp(ms, { inputs: src.width, classes: src.classes }, { mixedOptimizers: true });
  const group: number[][][] = [];
  try {
    const read = async () => {
      const t = net.lossMetrics();
      const v = await t.data();
      t.dispose();
      group.push(ms.map((_, m) => [v[2 * m], v[2 * m + 1]]));
    };
    await read();
    for (let e = 0; e < epochs; e++) {
      net.setRates(ms.map((m) => rateAt(m.settings.lr, c.schedule, e)));
      net.trainEpoch();
      await read();
    }
  } finally {
    net.dispose();
  }
  const solo: number[][][] = Array.from({ length: epochs + 1 }, () => []);
  for (const m of ms) {
    // The schedule by hand, as live rate edits: the Trainer keeps the optimizer's state.
    const s = { ...m.settings, schedule: 'constant' };
    const t = new Trainer(trainerData(src), s, 0);
    try {
      for (let e = 0; e < epochs; e++) {
        t.update({ ...s, lr: rateAt(m.settings.lr, c.schedule, e) });
        t.trainEpoch();
      }
      (await t.flush()).forEach((row) => solo[row.epoch].push([row.trainLoss, row.valLoss]));
    } finally {
      t.dispose();
    }
  }
  return { group, solo };
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

describe('a mixed-optimizer group (the optimizer race)', () => {
  it('trains each member like a Trainer with its own optimizer and rate: training and validation loss every epoch', async () => {
    const epochs = 15;
    const { group, solo } = await race({ ...BASE, l2: 0.001 }, epochs);
    // The five really differ (else the test could not tell the optimizers apart).
    const finals = group[epochs].map(([train]) => train);
    expect(new Set(finals.map((v) => v.toFixed(4))).size).toBe(5);
    let worst = 0;
    for (let e = 0; e <= epochs; e++)
      for (let m = 0; m < RACE.length; m++)
        for (const k of [0, 1]) {
          const err = relErr(group[e][m][k], solo[e][m][k]);
          worst = Math.max(worst, err);
          expect(err, `epoch ${e}, ${RACE[m][0]}, ${k ? 'val' : 'train'}: ${group[e][m][k]} vs ${solo[e][m][k]}`).toBeLessThan(1e-4);
        }
    // Each one learned.
    for (let m = 0; m < RACE.length; m++) expect(group[epochs][m][0]).toBeLessThan(group[0][m][0]);
  });

  it('follows a learning-rate schedule set epoch by epoch (warm-up then step decay), 3 classes', async () => {
    const c = { ...BASE, dataset: 'blobs' as const, loss: 'cce' as const, batch: 16, schedule: 'warmup:3+step:4:0.5' };
    const { group, solo } = await race(c, 10);
    for (let e = 0; e <= 10; e++) for (let m = 0; m < RACE.length; m++) expect(relErr(group[e][m][1], solo[e][m][1]), `epoch ${e} ${RACE[m][0]}`).toBeLessThan(1e-4);
  });

  it('the racers start from bit-identical weights', async () => {
    const src = pointsSource(BASE);
    const net = new BatchedMlp(members(BASE, src), { inputs: src.width, classes: src.classes }, { mixedOptimizers: true });
    try {
      const w = await net.readWeights();
      for (let m = 1; m < w.length; m++) expect(w[m]).toEqual(w[0]);
      // And the same the Trainer draws for the config.
      const t = new Trainer(trainerData(src), BASE, 0);
      try {
        const kernels = await Promise.all(t.model.kernels.map((k) => k.data()));
        kernels.forEach((k, i) => expect(w[0][i].kernel).toEqual(k));
      } finally {
        t.dispose();
      }
    } finally {
      net.dispose();
    }
  });

  it('uses the Trainer’s fixed sample of training rows for the training loss on a large set', () => {
    const train = Int32Array.from({ length: 1000 }, (_, i) => 3 * i);
    const rows = trainMetricRows(train, 7);
    expect(rows.length).toBe(TRAIN_METRIC_ROWS);
    expect(new Set(rows).size).toBe(TRAIN_METRIC_ROWS);
    expect(rows.every((r) => r % 3 === 0)).toBe(true);
    expect(trainMetricRows(train.subarray(0, 100), 7)).toEqual(train.subarray(0, 100));
  });

  it('groups any optimizers, refuses only what the engine cannot train, frees every tensor', async () => {
    const shape = { inputs: 2, classes: 2 };
    expect(mixedKey({ ...BASE, optimizer: 'adam' }, shape)).toBe(mixedKey({ ...BASE, optimizer: 'adagrad', lr: 0.3, schedule: 'cosine:50' }, shape));
    expect(mixedKey({ ...BASE, loss: 'cce' }, shape)).toBeNull();
    const src = pointsSource(BASE);
    const before = tf.memory().numTensors;
    const net = new BatchedMlp(members({ ...BASE, l1: 0.001, dropout: [0.1, 0] }, src), { inputs: src.width, classes: src.classes }, { mixedOptimizers: true });
    net.trainEpoch();
    net.lossMetrics().dispose();
    net.trainEpoch();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new BatchedMlp(members(BASE, src), { inputs: src.width, classes: src.classes })).toThrow(/share/);
  });
});
