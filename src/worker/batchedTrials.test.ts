import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyTrial } from '../search/applyTrial';
import { gridTrials } from '../search/space';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { TrialResult, TrialSpec } from '../search/types';
import { planGroups, runTrialsBatched } from './batchedTrials';
import { groupCost, partition } from './groupCost';
import { crossValidate } from './crossValidate';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const C: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 160, seed: 5 };

function specs(config: ExperimentConfig, space: Parameters<typeof gridTrials>[0], over: Partial<TrialSpec> = {}): TrialSpec[] {
  return gridTrials(space).map((t) => ({ config: applyTrial(config, t), folds: 1, epochs: 8, objective: 'loss', ...over }));
}

async function sequential(list: TrialSpec[]): Promise<TrialResult[]> {
  const out: TrialResult[] = [];
  for (const s of list) out.push((await crossValidate(s, () => false))!);
  return out;
}

function expectSameScores(got: (TrialResult | null)[], want: TrialResult[], tol = 1e-5): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    expect(g!.folds).toHaveLength(want[i].folds.length);
    g!.folds.forEach((f, k) => expect(Math.abs(f - want[i].folds[k]) / Math.max(1e-9, Math.abs(want[i].folds[k])), `trial ${i} fold ${k}`).toBeLessThan(tol));
    expect(g!.mean).toBeCloseTo(g!.folds.reduce((a, b) => a + b, 0) / g!.folds.length, 6);
  });
}

describe('runTrialsBatched', () => {
  it('scores a grid as crossValidate does, one trial at a time, reporting each trial once', async () => {
    const list = specs(C, { lr: { kind: 'list', values: [0.01, 0.1] }, batch: { kind: 'list', values: [10, 50] }, units: { kind: 'list', values: [2, 8] } });
    const heard: number[] = [];
    const before = tf.memory().numTensors;
    const got = await runTrialsBatched(list, () => false, (i, r) => {
      heard.push(i);
      expect(r.ms).toBeGreaterThan(0);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect([...heard].sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
    expectSameScores(got, await sequential(list));
  });

  it('trials with batch norm train one at a time, marked so the page can say why; the others stay batched', async () => {
    const bn = specs({ ...C, batchnorm: [true, false] }, { lr: { kind: 'list', values: [0.01, 0.1] } }, { epochs: 3 });
    const plain = specs(C, { lr: { kind: 'list', values: [0.01, 0.1] } }, { epochs: 3 });
    const got = await runTrialsBatched([...bn, ...plain], () => false);
    expect(got.map((r) => [r!.batched ?? false, r!.alone ?? null])).toEqual([
      [false, 'batchnorm'],
      [false, 'batchnorm'],
      [true, null],
      [true, null],
    ]);
    expectSameScores(got.slice(0, 2), await sequential(bn));
  });

  it('k-fold, accuracy, optimizers and layer counts mixed in one call, early stopping per trial', async () => {
    const list = [
      ...specs({ ...C, patience: 2 }, { lr: { kind: 'list', values: [0.03, 3] }, optimizer: { kind: 'list', values: ['sgd', 'adam'] } }, { folds: 3, epochs: 30 }),
      ...specs(C, { layers: { kind: 'list', values: [1, 3] }, dropout: { kind: 'list', values: [0] } }, { folds: 2, objective: 'accuracy' }),
      ...specs({ ...C, dataset: 'blobs', loss: 'cce' }, { l2: { kind: 'list', values: [0, 0.01] } }, { folds: 2 }),
    ];
    expectSameScores(await runTrialsBatched(list, () => false), await sequential(list));
  });

  it('a table with k-fold (inputs re-standardized per fold)', async () => {
    const list = specs({ ...C, dataset: 'iris', loss: 'cce', layers: [4], activations: ['tanh'], dropout: [0] }, { lr: { kind: 'list', values: [0.03, 0.3] } }, { folds: 3 });
    expectSameScores(await runTrialsBatched(list, () => false), await sequential(list));
  });

  it('trains settings it cannot batch one at a time, as crossValidate', async () => {
    // Binary cross-entropy on three classes is nothing the page would send; the Trainer copes.
    const odd: TrialSpec[] = [{ config: { ...C, dataset: 'blobs', loss: 'bce' }, folds: 1, epochs: 8, objective: 'loss' }];
    const list = [...odd, ...specs(C, { lr: { kind: 'list', values: [0.1] } })];
    const { alone } = await planGroups(list);
    expect(alone).toEqual([0]);
    expectSameScores(await runTrialsBatched(list, () => false), await sequential(list));
  });

  it('stops when cancelled, keeping what finished and freeing every tensor', async () => {
    const list = specs(C, { lr: { kind: 'list', values: [0.01, 0.1] }, batch: { kind: 'list', values: [10, 100] } }, { epochs: 200 });
    const before = tf.memory().numTensors;
    let calls = 0;
    const got = await runTrialsBatched(list, () => ++calls > 30);
    expect(got.some((r) => r === null)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('grouping', () => {
  it('keeps batch sizes apart when padding would cost more than the extra operations, and is deterministic', async () => {
    const list = specs(DEFAULT_CONFIG, { lr: { kind: 'list', values: [0.01, 0.03, 0.1] }, batch: { kind: 'list', values: [10, 20, 50] }, units: { kind: 'list', values: [2, 4, 8] } });
    const a = await planGroups(list, 'cpu');
    const b = await planGroups(list, 'cpu');
    expect(a).toEqual(b);
    expect(a.alone).toEqual([]);
    expect(a.groups.flatMap((g) => g.members.map((m) => m.trial)).sort((x, y) => x - y)).toEqual(list.map((_, i) => i));
    for (const g of a.groups) expect(new Set(g.members.map((m) => m.member.settings.batch)).size).toBe(1);
    // Where operations cost far more than arithmetic (WebGL), everything shares one group.
    expect((await planGroups(list, 'webgl')).groups).toHaveLength(1);
  });

  it('costs: padding rows and units costs, extra groups cost operations', () => {
    const shape = { inputs: 2, classes: 2 };
    const m = (batch: number, units: number) => ({ batch, n: 250, units: [units, units], v: 125 });
    expect(groupCost([m(10, 4), m(10, 4)], shape, 600)).toBeLessThan(2 * groupCost([m(10, 4)], shape, 600));
    expect(groupCost([m(10, 4), m(50, 4)], shape, 600)).toBeGreaterThan(groupCost([m(10, 4)], shape, 600) + groupCost([m(50, 4)], shape, 600));
    const items = [m(10, 2), m(10, 8), m(50, 2)].map((c) => ({ member: { settings: { ...DEFAULT_CONFIG, batch: c.batch, layers: c.units }, data: { x: new Float32Array(0), y: new Float32Array(0), train: new Int32Array(250), val: new Int32Array(0) } } }));
    expect(partition(items, shape, 600).map((g) => g.length)).toEqual([2, 1]);
    // However cheap operations are, a group stays within about 4 MB per tensor.
    const wide = Array.from({ length: 40 }, () => ({ member: { settings: { ...DEFAULT_CONFIG, batch: 500, layers: [256] }, data: { x: new Float32Array(0), y: new Float32Array(0), train: new Int32Array(1000), val: new Int32Array(0) } } }));
    expect(partition(wide, shape, 1e9).map((g) => g.length)).toEqual([8, 8, 8, 8, 8]);
  });
});
