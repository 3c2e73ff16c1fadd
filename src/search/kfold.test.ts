import { describe, it, expect } from 'vitest';
import { generateDataset } from '../data/generators';
import { foldsValid, stratifiedFolds, summarize, trainingIndices } from './kfold';

function expectPartition(folds: Int32Array[], n: number, k: number): void {
  expect(folds).toHaveLength(k);
  const all = folds.flatMap((f) => [...f]).sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i)); // disjoint and covering
  const sizes = folds.map((f) => f.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  for (const f of folds) for (let i = 1; i < f.length; i++) expect(f[i]).toBeGreaterThan(f[i - 1]);
}

function perClass(y: ArrayLike<number>, fold: Int32Array, classes: number): number[] {
  const c = new Array<number>(classes).fill(0);
  for (const i of fold) c[y[i]]++;
  return c;
}

/** Imbalanced labels: class c gets counts[c] examples, interleaved. */
function labels(counts: number[]): Float32Array {
  const out: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) out.push(c);
  });
  return Float32Array.from(out.map((_, i) => out[(i * 7919) % out.length]));
}

describe('stratifiedFolds', () => {
  it('partitions the indices into k folds of sizes within 1, each class spread within 1', () => {
    const cases: [number[], number][] = [
      [[50, 50], 5],
      [[3, 17, 30], 3],
      [[7, 7, 7], 5],
      [[101, 13], 10],
      [[5, 1], 2],
      [[1, 1, 1, 1], 4],
    ];
    for (const [counts, k] of cases) {
      const y = labels(counts);
      // Sanity check of the helper: the label counts are as asked.
      expect(counts.map((_, c) => y.filter((v) => v === c).length)).toEqual(counts);
      for (const seed of [1, 2, 3]) {
        const folds = stratifiedFolds(y, k, { seed, stratify: true, classes: counts.length });
        expectPartition(folds, y.length, k);
        const table = folds.map((f) => perClass(y, f, counts.length));
        counts.forEach((n, c) => {
          const col = table.map((row) => row[c]);
          expect(Math.max(...col) - Math.min(...col)).toBeLessThanOrEqual(1);
          expect(col.reduce((a, b) => a + b, 0)).toBe(n);
        });
      }
    }
  });

  it('stratifies generated data sets like the split does', () => {
    for (const [key, classes] of [['circle', 2], ['blobs', 3], ['spiral', 2]] as const) {
      const { y } = generateDataset(key, 257, 0.2, 9);
      const folds = stratifiedFolds(y, 5, { seed: 4, stratify: true, classes });
      expectPartition(folds, 257, 5);
      for (let c = 0; c < classes; c++) {
        const col = folds.map((f) => perClass(y, f, classes)[c]);
        expect(Math.max(...col) - Math.min(...col)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('partitions regression targets without stratifying', () => {
    const { y } = generateDataset('wave', 103, 0.1, 2);
    for (const k of [1, 2, 5, 10, 103]) expectPartition(stratifiedFolds(y, k, { seed: 8, stratify: false, classes: 1 }), 103, k);
  });

  it('is deterministic per seed and shuffles with the seed', () => {
    const y = labels([40, 60]);
    const a = stratifiedFolds(y, 5, { seed: 3, stratify: true, classes: 2 });
    expect(stratifiedFolds(y, 5, { seed: 3, stratify: true, classes: 2 })).toEqual(a);
    const b = stratifiedFolds(y, 5, { seed: 4, stratify: true, classes: 2 });
    expect(b).not.toEqual(a);
    // Not just a relabelling of the same folds: fold 0 holds other examples.
    const shared = [...a[0]].filter((i) => b[0].includes(i)).length;
    expect(shared).toBeLessThan(a[0].length);
    // And not in input order: the folds are not contiguous blocks or stripes of the indices.
    expect([...a[0]]).not.toEqual(Array.from({ length: 20 }, (_, i) => i * 5));
  });

  it('rejects bad k and labels outside the classes', () => {
    const y = labels([5, 5]);
    expect(() => stratifiedFolds(y, 0, { seed: 1, stratify: true, classes: 2 })).toThrow(RangeError);
    expect(() => stratifiedFolds(y, 11, { seed: 1, stratify: true, classes: 2 })).toThrow(RangeError);
    expect(() => stratifiedFolds(y, 2.5, { seed: 1, stratify: true, classes: 2 })).toThrow(RangeError);
    expect(() => stratifiedFolds(Float32Array.from([0, 1, 2]), 2, { seed: 1, stratify: true, classes: 2 })).toThrow(/label 2/);
  });

  it('joins the other folds as the training indices', () => {
    const y = labels([12, 9]);
    const folds = stratifiedFolds(y, 4, { seed: 6, stratify: true, classes: 2 });
    for (let h = 0; h < 4; h++) {
      const train = trainingIndices(folds, h);
      expect(train.length + folds[h].length).toBe(21);
      expect([...train, ...folds[h]].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
      for (let i = 1; i < train.length; i++) expect(train[i]).toBeGreaterThan(train[i - 1]);
    }
  });
});

describe('foldsValid', () => {
  it('accepts k up to the smallest class count', () => {
    expect(foldsValid(labels([10, 5, 8]), 5, 3)).toBeNull();
    expect(foldsValid(labels([10, 5, 8]), 2, 3)).toBeNull();
  });

  it('names the class with too few examples', () => {
    expect(foldsValid(labels([10, 6, 3]), 5, 3)).toBe('k = 5 folds need at least 5 examples of every class; class 2 has 3');
    expect(foldsValid(labels([2, 6, 3]), 5, 3)).toBe('k = 5 folds need at least 5 examples of every class; class 0 has 2');
  });

  it('ignores a class with no examples and checks only k against n for regression', () => {
    expect(foldsValid(labels([10, 0, 10]), 5, 3)).toBeNull();
    expect(foldsValid(Float32Array.from([0.3, -1.2, 4.5]), 3, 1)).toBeNull();
  });

  it('rejects fewer than 2 folds, more folds than examples, and fractional k', () => {
    expect(foldsValid(labels([10, 10]), 1, 2)).toBe('cross-validation needs at least 2 folds (got k = 1)');
    expect(foldsValid(labels([10, 10]), 0, 2)).toBe('cross-validation needs at least 2 folds (got k = 0)');
    expect(foldsValid(labels([2, 2]), 5, 2)).toBe('k = 5 folds need at least 5 examples; there are 4');
    expect(foldsValid(labels([10, 10]), 2.5, 2)).toBe('the number of folds must be a whole number (got 2.5)');
  });

  it('agrees with stratifiedFolds: when valid, every fold holds every present class', () => {
    for (const counts of [[5, 9], [6, 6, 6], [20, 5, 0]]) {
      const y = labels(counts);
      for (let k = 2; k <= 8; k++) {
        const ok = foldsValid(y, k, counts.length) === null;
        expect(ok).toBe(k <= Math.min(...counts.filter((c) => c > 0)));
        if (!ok) continue;
        for (const f of stratifiedFolds(y, k, { seed: k, stratify: true, classes: counts.length })) {
          perClass(y, f, counts.length).forEach((n, c) => {
            if (counts[c] > 0) expect(n).toBeGreaterThan(0);
          });
        }
      }
    }
  });
});

describe('summarize', () => {
  it('gives the mean and the population standard deviation', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: 2 });
    const s = summarize([0.31, 0.29, 0.35, 0.3, 0.25]);
    expect(s.mean).toBeCloseTo(0.3, 12);
    expect(s.std).toBeCloseTo(Math.sqrt((0.0001 + 0.0001 + 0.0025 + 0 + 0.0025) / 5), 12);
    expect(summarize([3])).toEqual({ mean: 3, std: 0 });
    expect(summarize([]).mean).toBeNaN();
  });
});
