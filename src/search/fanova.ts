// Hyperparameter importance as Optuna computes it (FanovaImportanceEvaluator): a random forest
// of regression trees fitted on (encoded settings → objective), then per tree the share of the
// tree's variance over the whole (bounded) space that each setting's main effect explains
// (functional ANOVA, Hutter et al. 2014), averaged over the trees and normalized to sum to 1.
// The trees are written here (small, seeded) because the walk needs each leaf's box, which the
// npm forests do not expose. Pure: no DOM or store.
import { mulberry32, type Rand } from '../data/random';
import { PARAM_LIMITS, spaceKeys, toUnit } from './space';
import type { Importance, ParamKey, SearchSpace, TrialRecord } from './types';

/** A node of a regression tree over features in [0, 1]: a split (x[f] <= t goes left) or a leaf. */
export type TreeNode = { leaf: true; value: number } | { leaf: false; feature: number; threshold: number; left: TreeNode; right: TreeNode };

export interface ForestOptions {
  trees?: number;
  maxDepth?: number;
  minLeaf?: number;
  seed?: number;
}

/** Optuna's defaults: 64 trees, depth 64, leaves of one sample, each tree on a bootstrap sample, all features at each split. */
const DEFAULTS = { trees: 64, maxDepth: 64, minLeaf: 1, seed: 0 };

function mean(ys: readonly number[], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += ys[i];
  return s / idx.length;
}

/** The split of `idx` that lowers the squared error most (midpoints between distinct values), or null. */
function bestSplit(xs: readonly number[][], ys: readonly number[], idx: number[], minLeaf: number): { feature: number; threshold: number; left: number[]; right: number[] } | null {
  const d = xs[0]?.length ?? 0;
  let best: { gain: number; feature: number; threshold: number } | null = null;
  const total = idx.reduce((s, i) => s + ys[i], 0);
  const n = idx.length;
  for (let f = 0; f < d; f++) {
    const sorted = [...idx].sort((a, b) => xs[a][f] - xs[b][f]);
    let leftSum = 0;
    for (let k = 0; k < n - 1; k++) {
      leftSum += ys[sorted[k]];
      const a = xs[sorted[k]][f];
      const b = xs[sorted[k + 1]][f];
      if (b <= a || k + 1 < minLeaf || n - k - 1 < minLeaf) continue;
      const nl = k + 1;
      const nr = n - nl;
      // Lowering of the squared error = Σl²/nl + Σr²/nr − Σ²/n (the constant terms cancel).
      const gain = (leftSum * leftSum) / nl + ((total - leftSum) * (total - leftSum)) / nr - (total * total) / n;
      if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { gain, feature: f, threshold: (a + b) / 2 };
    }
  }
  if (!best) return null;
  const left = idx.filter((i) => xs[i][best.feature] <= best.threshold);
  const right = idx.filter((i) => xs[i][best.feature] > best.threshold);
  return { feature: best.feature, threshold: best.threshold, left, right };
}

function grow(xs: readonly number[][], ys: readonly number[], idx: number[], depth: number, o: typeof DEFAULTS): TreeNode {
  if (depth >= o.maxDepth || idx.length < 2 * o.minLeaf) return { leaf: true, value: mean(ys, idx) };
  const s = bestSplit(xs, ys, idx, o.minLeaf);
  if (!s) return { leaf: true, value: mean(ys, idx) };
  return { leaf: false, feature: s.feature, threshold: s.threshold, left: grow(xs, ys, s.left, depth + 1, o), right: grow(xs, ys, s.right, depth + 1, o) };
}

/** A seeded random forest: each tree grown fully on a bootstrap sample of the rows. */
export function fitForest(xs: readonly number[][], ys: readonly number[], options: ForestOptions = {}): TreeNode[] {
  const o = { ...DEFAULTS, ...options };
  const rand: Rand = mulberry32(o.seed);
  const n = ys.length;
  return Array.from({ length: o.trees }, () => {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n));
    return grow(xs, ys, idx, 0, o);
  });
}

/** A tree's prediction at x. */
export function predictTree(node: TreeNode, x: readonly number[]): number {
  let n = node;
  while (!n.leaf) n = x[n.feature] <= n.threshold ? n.left : n.right;
  return n.value;
}

/** The forest's prediction at x: the mean of its trees'. */
export function predictForest(forest: readonly TreeNode[], x: readonly number[]): number {
  return forest.reduce((s, t) => s + predictTree(t, x), 0) / forest.length;
}

interface Leaf {
  value: number;
  lo: number[];
  hi: number[];
}

function leaves(node: TreeNode, lo: number[], hi: number[], out: Leaf[]): Leaf[] {
  if (node.leaf) {
    out.push({ value: node.value, lo, hi });
    return out;
  }
  const f = node.feature;
  const t = Math.min(hi[f], Math.max(lo[f], node.threshold));
  leaves(node.left, lo, hi.map((v, i) => (i === f ? t : v)), out);
  leaves(node.right, lo.map((v, i) => (i === f ? t : v)), hi, out);
  return out;
}

/**
 * For one tree over the unit cube [0, 1]^d: the variance of its prediction over the cube, and
 * for each feature the variance of its main effect (the prediction averaged over all the other
 * features, as a function of that feature alone). Exact: the tree is piecewise constant on boxes.
 */
export function treeVariances(tree: TreeNode, d: number): { total: number; main: number[] } {
  const ls = leaves(tree, new Array<number>(d).fill(0), new Array<number>(d).fill(1), []).filter((l) => l.lo.every((v, i) => l.hi[i] > v));
  const vol = ls.map((l) => l.lo.reduce((p, v, i) => p * (l.hi[i] - v), 1));
  const m = ls.reduce((s, l, k) => s + vol[k] * l.value, 0);
  const total = ls.reduce((s, l, k) => s + vol[k] * (l.value - m) ** 2, 0);
  const main = Array.from({ length: d }, (_, f) => {
    const cuts = [...new Set([0, 1, ...ls.flatMap((l) => [l.lo[f], l.hi[f]])])].sort((a, b) => a - b);
    let v = 0;
    for (let k = 0; k < cuts.length - 1; k++) {
      const a = cuts[k];
      const b = cuts[k + 1];
      const x = (a + b) / 2;
      // The mean over the other features at x: each leaf whose box holds x, weighted by its volume in the others.
      let marginal = 0;
      ls.forEach((l, j) => {
        if (l.lo[f] <= x && x < l.hi[f]) marginal += l.value * (vol[j] / (l.hi[f] - l.lo[f]));
      });
      v += (b - a) * (marginal - m) ** 2;
    }
    return v;
  });
  return { total, main };
}

/** Each feature's share of the variance its main effect explains, averaged over the trees, normalized to sum to 1 (all 0 if the forest is flat). */
export function fanova(xs: readonly number[][], ys: readonly number[], options: ForestOptions = {}): number[] {
  const d = xs[0]?.length ?? 0;
  const forest = fitForest(xs, ys, options);
  const sums = new Array<number>(d).fill(0);
  let counted = 0;
  for (const tree of forest) {
    const { total, main } = treeVariances(tree, d);
    if (!(total > 0)) continue;
    counted++;
    main.forEach((v, f) => (sums[f] += v / total));
  }
  const shares = sums.map((s) => (counted ? s / counted : 0));
  const all = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => (all > 0 ? s / all : 0));
}

/**
 * A trial's settings as features in [0, 1]: a range by its place in it (log-spaced for a log
 * range), a list of numbers by its place between the list's extremes (log-spaced when they are
 * positive and span a factor of 10), a name by the middle of its equal share of [0, 1]. A
 * setting the trial lacks (conditional) sits at 0, a place no present value takes exactly apart
 * from the smallest, so the trees can still tell absence apart by a split.
 */
export function encodeTrials(space: SearchSpace, trials: readonly TrialRecord[]): { keys: ParamKey[]; xs: number[][] } {
  const keys = spaceKeys(space);
  const encoders = keys.map((k) => {
    const spec = space[k]!;
    const lim = PARAM_LIMITS[k];
    if (lim.kind === 'choice') {
      const names = spec.kind === 'list' ? spec.values.map(String) : [...lim.values];
      for (const tr of trials) if (tr.trial[k] !== undefined && !names.includes(String(tr.trial[k]))) names.push(String(tr.trial[k]));
      return (v: number | string) => (names.indexOf(String(v)) + 0.5) / names.length;
    }
    if (spec.kind === 'range') return (v: number | string) => toUnit(spec, Number(v));
    const nums = [...spec.values.map(Number), ...trials.map((tr) => Number(tr.trial[k])).filter(Number.isFinite)];
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    const log = lo > 0 && hi / lo >= 10;
    return (v: number | string) => (hi > lo ? (log ? Math.log(Number(v) / lo) / Math.log(hi / lo) : (Number(v) - lo) / (hi - lo)) : 0.5);
  });
  const xs = trials.map((tr) => keys.map((k, i) => (tr.trial[k] === undefined ? 0 : Math.min(1, Math.max(0, encoders[i](tr.trial[k]!))))));
  return { keys, xs };
}

/** Fewer finished trials than this: no importance (a forest on three points says nothing). */
export const MIN_TRIALS = 4;

/**
 * The searched settings' importance for the objective, largest first, from the trials with a
 * finite score that ran to the end (pruned trials are left out, as Optuna counts only complete
 * trials: their score is of a shorter training). [] with fewer than MIN_TRIALS.
 */
export function searchImportance(space: SearchSpace, trials: readonly TrialRecord[], seed = 0): Importance[] {
  const done = trials.filter((t) => Number.isFinite(t.mean) && !t.pruned);
  if (done.length < MIN_TRIALS) return [];
  const { keys, xs } = encodeTrials(space, done);
  if (keys.length === 0) return [];
  const shares = fanova(xs, done.map((t) => t.mean), { seed });
  return keys.map((key, i) => ({ key, importance: shares[i] })).sort((a, b) => b.importance - a.importance || a.key.localeCompare(b.key));
}
