import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { fanova, fitForest, predictForest, searchImportance, treeVariances, type TreeNode } from './fanova';
import type { SearchSpace, TrialRecord } from './types';

function sample(n: number, d: number, seed: number): number[][] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => r()));
}

describe('treeVariances', () => {
  it('splits an additive tree’s variance exactly into its main effects', () => {
    // f(x) = [x0 > 0.5] + 2·[x1 > 0.5]: variance 1/4 + 4/4 = 1.25, main effects 0.25 and 1.
    const leaf = (value: number): TreeNode => ({ leaf: true, value });
    const split = (feature: number, left: TreeNode, right: TreeNode): TreeNode => ({ leaf: false, feature, threshold: 0.5, left, right });
    const tree = split(0, split(1, leaf(0), leaf(2)), split(1, leaf(1), leaf(3)));
    const { total, main } = treeVariances(tree, 3);
    expect(total).toBeCloseTo(1.25, 10);
    expect(main[0]).toBeCloseTo(0.25, 10);
    expect(main[1]).toBeCloseTo(1, 10);
    expect(main[2]).toBeCloseTo(0, 10);
  });
});

describe('fanova', () => {
  it('gives a setting that does not affect the objective an importance near 0, the dominant one the largest', () => {
    const xs = sample(60, 3, 7);
    const ys = xs.map(([a, b]) => 10 * (a - 0.3) ** 2 + 0.5 * b);
    const imp = fanova(xs, ys, { seed: 1 });
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(imp[2]).toBeLessThan(0.03);
    expect(imp[0]).toBeGreaterThan(imp[1]);
    expect(imp[1]).toBeGreaterThan(imp[2]);
    expect(imp[0]).toBeGreaterThan(0.6);
  });

  it('is deterministic for a seed', () => {
    const xs = sample(30, 2, 3);
    const ys = xs.map(([a, b]) => Math.sin(6 * a) + b);
    expect(fanova(xs, ys, { seed: 5 })).toEqual(fanova(xs, ys, { seed: 5 }));
  });

  it('the forest fits its training points closely', () => {
    const xs = sample(40, 2, 11);
    const ys = xs.map(([a, b]) => a + b * b);
    const forest = fitForest(xs, ys, { seed: 2, trees: 16 });
    const err = xs.reduce((s, x, i) => s + Math.abs(predictForest(forest, x) - ys[i]), 0) / xs.length;
    expect(err).toBeLessThan(0.1);
  });
});

describe('searchImportance', () => {
  const space: SearchSpace = {
    lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
    units: { kind: 'list', values: [2, 4, 8, 16] },
    optimizer: { kind: 'list', values: ['sgd', 'adam'] },
  };
  const r = mulberry32(4);
  const trials: TrialRecord[] = Array.from({ length: 48 }, (_, index) => {
    const lr = 10 ** (-4 + 4 * r());
    const units = [2, 4, 8, 16][Math.floor(r() * 4)];
    const optimizer = r() < 0.5 ? 'sgd' : 'adam';
    // The loss depends on the learning rate (best near 0.01) and a little on the optimizer, not on units.
    const mean = (Math.log10(lr) + 2) ** 2 + (optimizer === 'sgd' ? 0.4 : 0);
    return { index, trial: { lr, units, optimizer }, mean, std: 0, folds: [mean], ms: 1 };
  });

  it('ranks the settings largest first, units (no effect) last and near 0', () => {
    const imp = searchImportance(space, trials);
    expect(imp.map((i) => i.key)).toEqual(['lr', 'optimizer', 'units']);
    expect(imp[2].importance).toBeLessThan(0.03);
  });

  it('is empty with fewer than 4 finished trials, and leaves out pruned and diverged ones', () => {
    expect(searchImportance(space, trials.slice(0, 3))).toEqual([]);
    const few = trials.slice(0, 5).map((t, i) => (i < 2 ? { ...t, pruned: true } : t));
    expect(searchImportance(space, few)).toEqual([]);
    const nan = trials.slice(0, 4).map((t, i) => (i === 0 ? { ...t, mean: NaN } : t));
    expect(searchImportance(space, nan)).toEqual([]);
  });
});
