import { describe, it, expect } from 'vitest';
import { DATASETS } from '../shared/datasets';
import { generateDataset } from './generators';
import { mulberry32 } from './random';
import { splitDataset, type Split } from './split';

function expectPartition(s: Split, n: number): void {
  const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const set of [s.train, s.val, s.test]) {
    for (let i = 1; i < set.length; i++) expect(set[i]).toBeGreaterThan(set[i - 1]);
  }
}

function classCounts(y: Float32Array, idx: Int32Array, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const i of idx) c[y[i]]++;
  return c;
}

describe('splitDataset', () => {
  it('partitions a regression set by the requested sizes', () => {
    const { y } = generateDataset('wave', 333, 0.1, 1);
    const s = splitDataset(y, { problem: 'regression', trainPct: 60, valPct: 25, seed: 4, classes: 1 });
    expectPartition(s, 333);
    expect(s.train.length).toBe(Math.round(333 * 0.6));
    expect(s.val.length).toBe(Math.round(333 * 0.25));
  });

  it('stratifies each class within ±1 of its share and keeps totals', () => {
    for (const key of ['circle', 'blobs'] as const) {
      const k = DATASETS[key].classes;
      for (const [n, tr, va] of [[500, 50, 25], [101, 70, 15], [37, 33, 29], [2000, 90, 5]]) {
        const { y } = generateDataset(key, n, 0.2, n);
        const s = splitDataset(y, { problem: 'classification', trainPct: tr, valPct: va, seed: 3, classes: k });
        expectPartition(s, n);
        expect(s.train.length).toBe(Math.round((n * tr) / 100));
        expect(s.val.length).toBe(Math.round((n * va) / 100));
        const all = classCounts(y, Int32Array.from({ length: n }, (_, i) => i), k);
        for (const [set, pct] of [[s.train, tr], [s.val, va], [s.test, 100 - tr - va]] as const) {
          classCounts(y, set, k).forEach((c, j) => expect(Math.abs(c - (all[j] * pct) / 100)).toBeLessThanOrEqual(1));
        }
      }
    }
  });

  it('keeps every class of every set within ±1 for many random configurations', () => {
    const rand = mulberry32(123);
    for (let trial = 0; trial < 400; trial++) {
      const n = 5 + Math.floor(rand() * 300);
      const k = 2 + Math.floor(rand() * 4);
      const tr = 10 + Math.floor(rand() * 81);
      const va = 5 + Math.floor(rand() * Math.min(76, 91 - tr));
      // Skewed labels: class j has weight j+1.
      const y = Float32Array.from({ length: n }, () => Math.floor(Math.sqrt(rand() * k * k)));
      const s = splitDataset(y, { problem: 'classification', trainPct: tr, valPct: va, seed: trial, classes: k });
      expectPartition(s, n);
      const all = classCounts(y, Int32Array.from({ length: n }, (_, i) => i), k);
      for (const [set, pct] of [[s.train, tr], [s.val, va], [s.test, 100 - tr - va]] as const) {
        classCounts(y, set, k).forEach((c, j) => expect(Math.abs(c - (all[j] * pct) / 100)).toBeLessThanOrEqual(1));
      }
      expect(s.train.length).toBe(Math.round((n * tr) / 100));
      expect(s.val.length).toBe(Math.round((n * va) / 100));
    }
  });

  it('stratifies an unbalanced label vector too', () => {
    const y = Float32Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const s = splitDataset(y, { problem: 'classification', trainPct: 50, valPct: 30, seed: 1, classes: 2 });
    expectPartition(s, 200);
    expect(classCounts(y, s.train, 2)).toEqual([90, 10]);
    expect(classCounts(y, s.val, 2)).toEqual([54, 6]);
  });

  it('is deterministic per seed and changes with the seed', () => {
    const { y } = generateDataset('moons', 200, 0.1, 1);
    const opts = { problem: 'classification' as const, trainPct: 50, valPct: 25, classes: 2 };
    const a = splitDataset(y, { ...opts, seed: 1 });
    expect(splitDataset(y, { ...opts, seed: 1 })).toEqual(a);
    expect(Array.from(splitDataset(y, { ...opts, seed: 2 }).train)).not.toEqual(Array.from(a.train));
  });

  it('rejects shares over 100%', () => {
    expect(() => splitDataset(new Float32Array(10), { problem: 'regression', trainPct: 80, valPct: 30, seed: 1, classes: 1 })).toThrow(RangeError);
  });

  it('rejects labels outside the classes', () => {
    const y = Float32Array.from([0, 1, 2]);
    expect(() => splitDataset(y, { problem: 'classification', trainPct: 50, valPct: 25, seed: 1, classes: 2 })).toThrow(RangeError);
  });
});
