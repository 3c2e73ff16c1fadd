// Seeded k-fold cross-validation folds. Like the train/validation/test split (src/data/split.ts),
// folds are stratified for classification: every class is spread over the folds as evenly as
// possible, so each fold's score is comparable and no fold misses a class.
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';

export interface FoldOptions {
  seed: number;
  /** Spread each class evenly over the folds (classification); false for regression. */
  stratify: boolean;
  /** Number of classes (labels 0..classes-1); ignored when not stratifying. */
  classes: number;
}

/**
 * Splits indices 0..n-1 into k disjoint folds (each sorted ascending). Fold sizes differ by at
 * most 1; when stratifying, each class's count per fold differs by at most 1 as well. Train on
 * the other k-1 folds, score on the held-out one.
 *
 * How: shuffle (seeded), group by class in shuffled order, then deal the concatenated groups
 * round-robin over the folds. Dealing a run of c items round-robin gives every fold ⌊c/k⌋ or
 * ⌈c/k⌉ of them, both per class and overall.
 */
export function stratifiedFolds(y: ArrayLike<number>, k: number, opts: FoldOptions): Int32Array[] {
  const n = y.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be a whole number from 1 to ${n} (the number of examples); got ${k}`);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(opts.seed, 'kfold')));
  let sequence: ArrayLike<number> = order;
  if (opts.stratify) {
    const byClass: number[][] = Array.from({ length: opts.classes }, () => []);
    for (const i of order) {
      const c = y[i];
      if (!Number.isInteger(c) || c < 0 || c >= opts.classes) throw new RangeError(`label ${c} at ${i} is not a class in 0..${opts.classes - 1}`);
      byClass[c].push(i);
    }
    sequence = byClass.flat();
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (let j = 0; j < sequence.length; j++) folds[j % k].push(sequence[j]);
  return folds.map((f) => Int32Array.from(f).sort());
}

/** The other folds joined: the training indices when fold `held` is held out (sorted ascending). */
export function trainingIndices(folds: Int32Array[], held: number): Int32Array {
  const parts = folds.filter((_, i) => i !== held);
  const out = new Int32Array(parts.reduce((a, f) => a + f.length, 0));
  let o = 0;
  for (const f of parts) {
    out.set(f, o);
    o += f.length;
  }
  return out.sort();
}

/**
 * Why k folds cannot be made for these labels, or null if they can. Pass classes ≤ 1 for
 * regression (only k against n is checked). Each class needs k examples so that every fold
 * holds every class; classes with no examples at all are not required.
 */
export function foldsValid(y: ArrayLike<number>, k: number, classes: number): string | null {
  const n = y.length;
  if (!Number.isInteger(k)) return `the number of folds must be a whole number (got ${k})`;
  if (k < 2) return `cross-validation needs at least 2 folds (got k = ${k})`;
  if (k > n) return `k = ${k} folds need at least ${k} examples; there are ${n}`;
  if (classes > 1) {
    const counts = new Array<number>(classes).fill(0);
    for (let i = 0; i < n; i++) {
      const c = y[i];
      if (!Number.isInteger(c) || c < 0 || c >= classes) return `label ${c} at ${i} is not a class in 0..${classes - 1}`;
      counts[c]++;
    }
    let worst = -1;
    counts.forEach((c, i) => {
      if (c > 0 && c < k && (worst < 0 || c < counts[worst])) worst = i;
    });
    if (worst >= 0) return `k = ${k} folds need at least ${k} examples of every class; class ${worst} has ${counts[worst]}`;
  }
  return null;
}

/** Mean and (population) standard deviation of per-fold scores; the search's objective is the mean. */
export function summarize(values: number[]): { mean: number; std: number } {
  if (values.length === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { mean, std };
}
