import { describe, it, expect } from 'vitest';
import { BAYES_EXPLANATION, BayesianSearch, expectedImprovement, matern52, robustTargets } from './bayes';
import { randomTrials, trialKey, validateSpace } from './space';
import type { SearchSpace, Trial } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Best objective after each of n evaluations (running minimum). */
function bayesCurve(space: SearchSpace, f: (t: Trial) => number, n: number, seed: number): number[] {
  const bo = new BayesianSearch(space, seed);
  const curve: number[] = [];
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t = bo.suggest();
    const y = f(t);
    bo.observe(t, y);
    best = Math.min(best, y);
    curve.push(best);
  }
  return curve;
}

function randomCurve(space: SearchSpace, f: (t: Trial) => number, n: number, seed: number): number[] {
  let best = Infinity;
  return randomTrials(space, n, seed).map((t) => (best = Math.min(best, f(t))));
}

/** Evaluations until the best is within eps of the minimum (n + 1 if never). */
const evalsToReach = (curve: number[], eps: number) => {
  const i = curve.findIndex((v) => v <= eps);
  return i < 0 ? curve.length + 1 : i + 1;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// 1-D: a learning-rate-like valley, minimum 0 at lr = 1e-2 (the middle of the log range).
const LR_SPACE: SearchSpace = { lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' } };
const valley = (t: Trial) => (Math.log10(t.lr as number) + 2) ** 2;

// 2-D over two linear ranges.
const SPACE_2D: SearchSpace = {
  dropout: { kind: 'range', min: 0, max: 0.9, scale: 'linear' },
  l2: { kind: 'range', min: 0, max: 1, scale: 'linear' },
};
/** A shifted, tilted bowl with its minimum 0 at dropout 0.6, λ 0.25. */
const bowl = (t: Trial) => {
  const a = (t.dropout as number) / 0.9 - 2 / 3;
  const b = (t.l2 as number) - 0.25;
  return 3 * a * a + b * b + 2 * a * b;
};
/** Branin rescaled onto the square, minus its minimum (so 0 is optimal, three minima). */
const branin = (t: Trial) => {
  const x1 = -5 + (15 * (t.dropout as number)) / 0.9;
  const x2 = 15 * (t.l2 as number);
  const q = x2 - (5.1 / (4 * Math.PI ** 2)) * x1 * x1 + (5 / Math.PI) * x1 - 6;
  return q * q + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10 - 0.397887357729738;
};

describe('BayesianSearch finds minima with fewer evaluations than random search', () => {
  it('1-D: a valley over a log range', () => {
    const N = 20;
    const bo = SEEDS.map((s) => bayesCurve(LR_SPACE, valley, N, s));
    const rnd = SEEDS.map((s) => randomCurve(LR_SPACE, valley, N, s));
    const bestAt15 = (cs: number[][]) => mean(cs.map((c) => c[14]));
    // Random search's best after 15 is ~0.03 on average (|log10 lr + 2| ≈ 0.17); Bayes refines to < 0.003.
    expect(bestAt15(bo)).toBeLessThan(0.003);
    expect(bestAt15(bo)).toBeLessThan(bestAt15(rnd) / 10);
    // Evaluations to get within 0.01 (lr within a factor 1.26 of 1e-2): Bayes needs well under 15; random mostly fails within 20.
    const evB = mean(bo.map((c) => evalsToReach(c, 0.01)));
    const evR = mean(rnd.map((c) => evalsToReach(c, 0.01)));
    expect(evB).toBeLessThan(12);
    expect(evB).toBeLessThan(evR - 5);
  });

  it('2-D: a shifted bowl over two linear ranges', () => {
    const bo = SEEDS.map((s) => bayesCurve(SPACE_2D, bowl, 15, s)[14]);
    const rnd = SEEDS.map((s) => randomCurve(SPACE_2D, bowl, 15, s)[14]);
    expect(mean(bo)).toBeLessThan(0.002);
    expect(mean(bo)).toBeLessThan(mean(rnd) / 5);
    // Not just on average: Bayes wins on most seeds.
    expect(SEEDS.filter((_, i) => bo[i] < rnd[i]).length).toBeGreaterThanOrEqual(8);
  });

  it('2-D: Branin, with three minima and a wide range of values', () => {
    const N = 20;
    const bo = SEEDS.map((s) => bayesCurve(SPACE_2D, branin, N, s));
    const rnd = SEEDS.map((s) => randomCurve(SPACE_2D, branin, N, s));
    const at = (cs: number[][], i: number) => mean(cs.map((c) => c[i]));
    expect(at(bo, 14)).toBeLessThan(at(rnd, 14) / 2);
    expect(at(bo, N - 1)).toBeLessThan(0.6);
    expect(at(bo, N - 1)).toBeLessThan(at(rnd, N - 1) / 3);
  });

  it('mixed: picks the right optimizer and a good integer width', () => {
    const space: SearchSpace = {
      lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
      units: { kind: 'range', min: 1, max: 64, scale: 'log', integer: true },
      optimizer: { kind: 'list', values: ['sgd', 'momentum', 'adam', 'rmsprop'] },
    };
    expect(validateSpace(space, 'bayes')).toEqual([]);
    const f = (t: Trial) => (t.optimizer === 'adam' ? 0 : 1) + (Math.log10(t.lr as number) + 2.5) ** 2 / 4 + (Math.log2(t.units as number) - 4) ** 2 / 9;
    const bo = SEEDS.map((s) => bayesCurve(space, f, 25, s)[24]);
    const rnd = SEEDS.map((s) => randomCurve(space, f, 25, s)[24]);
    expect(mean(bo)).toBeLessThan(mean(rnd) / 3);
    expect(mean(bo)).toBeLessThan(0.05);
  });
});

describe('BayesianSearch behaviour', () => {
  it('is deterministic for a seed; another seed explores differently', () => {
    const run = (seed: number) => {
      const bo = new BayesianSearch(SPACE_2D, seed, { initial: 3, candidates: 100 });
      const out: Trial[] = [];
      for (let i = 0; i < 10; i++) {
        const t = bo.suggest();
        out.push(t);
        bo.observe(t, bowl(t));
      }
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
  });

  it('starts with `initial` random trials, then stays within the space', () => {
    const space: SearchSpace = {
      lr: { kind: 'range', min: 1e-3, max: 0.5, scale: 'log' },
      batch: { kind: 'range', min: 4, max: 256, scale: 'log', integer: true },
      dropout: { kind: 'list', values: [0, 0.1, 0.3] },
      activation: { kind: 'list', values: ['relu', 'tanh'] },
    };
    const bo = new BayesianSearch(space, 3, { initial: 4 });
    const first = [bo.suggest(), bo.suggest(), bo.suggest(), bo.suggest()];
    // Before any result the suggestions are plain samples of the space, all different.
    expect(new Set(first.map(trialKey)).size).toBe(4);
    first.forEach((t, i) => bo.observe(t, i));
    for (let i = 0; i < 12; i++) {
      const t = bo.suggest();
      expect(Object.keys(t).sort()).toEqual(['activation', 'batch', 'dropout', 'lr']);
      expect(t.lr).toBeGreaterThanOrEqual(1e-3);
      expect(t.lr).toBeLessThanOrEqual(0.5);
      expect(Number.isInteger(t.batch)).toBe(true);
      expect(t.batch).toBeGreaterThanOrEqual(4);
      expect(t.batch).toBeLessThanOrEqual(256);
      expect([0, 0.1, 0.3]).toContain(t.dropout);
      expect(['relu', 'tanh']).toContain(t.activation);
      bo.observe(t, Math.abs(Math.log10(t.lr as number) + 1.5) + (t.activation === 'relu' ? 0 : 1));
    }
    expect(bo.count).toBe(16);
  });

  it('spreads outstanding suggestions (parallel workers) instead of repeating one', () => {
    const bo = new BayesianSearch(LR_SPACE, 2);
    for (let i = 0; i < 6; i++) {
      const t = bo.suggest();
      bo.observe(t, valley(t));
    }
    const batch = [bo.suggest(), bo.suggest(), bo.suggest(), bo.suggest()];
    expect(new Set(batch.map(trialKey)).size).toBe(4);
    const lr = batch.map((t) => Math.log10(t.lr as number)).sort((a, b) => a - b);
    for (let i = 1; i < lr.length; i++) expect(lr[i] - lr[i - 1]).toBeGreaterThan(0.01);
  });

  it('tries every combination of a small list-only space before repeating one', () => {
    const space: SearchSpace = {
      optimizer: { kind: 'list', values: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] },
      activation: { kind: 'list', values: ['relu', 'tanh', 'sigmoid', 'linear'] },
    };
    const bo = new BayesianSearch(space, 9);
    const seen = new Set<string>();
    let firstBest = -1;
    for (let i = 0; i < 20; i++) {
      const t = bo.suggest();
      seen.add(trialKey(t));
      const y = (t.optimizer === 'adam' ? 0 : 1) + (t.activation === 'relu' ? 0 : 0.5);
      if (y === 0 && firstBest < 0) firstBest = i + 1;
      bo.observe(t, y);
    }
    expect(seen.size).toBe(20);
    expect(bo.best).toEqual({ trial: { optimizer: 'adam', activation: 'relu' }, objective: 0 });
    // Found well before exhausting the 20 combinations.
    expect(firstBest).toBeGreaterThan(0);
    expect(firstBest).toBeLessThanOrEqual(14);
  });

  it('copes with failed and diverged runs', () => {
    const bo = new BayesianSearch(LR_SPACE, 4);
    // Above lr 0.1 training "diverges": NaN, Infinity or a huge loss.
    const f = (t: Trial) => {
      const lr = t.lr as number;
      if (lr > 0.3) return NaN;
      if (lr > 0.2) return Infinity;
      if (lr > 0.1) return 1e12;
      return valley(t);
    };
    for (let i = 0; i < 20; i++) {
      const t = bo.suggest();
      expect(t.lr).toBeGreaterThanOrEqual(1e-4);
      bo.observe(t, f(t));
    }
    const best = bo.best;
    expect(best).not.toBeNull();
    expect(best!.objective).toBeLessThan(0.01);
    expect(Number.isFinite(best!.objective)).toBe(true);
  });

  it('accepts observations it did not suggest, e.g. the current config', () => {
    const bo = new BayesianSearch(LR_SPACE, 1, { initial: 3 });
    for (const lr of [1e-4, 1e-2, 1]) bo.observe({ lr }, valley({ lr }));
    expect(bo.count).toBe(3);
    expect(bo.best).toEqual({ trial: { lr: 1e-2 }, objective: 0 });
    // The model takes over at once and looks between the known points, near the best one.
    const t = bo.suggest();
    expect(Math.abs(Math.log10(t.lr as number) + 2)).toBeLessThan(1.5);
    expect(t.lr).not.toBe(1e-2);
  });

  it('has a short explanation for the page', () => {
    expect(BAYES_EXPLANATION.split(/(?<=\.)\s+/)).toHaveLength(2);
  });
});

describe('surrogate pieces', () => {
  it('Matérn-5/2 is 1 at distance 0 and decays with distance and shorter length scales', () => {
    expect(matern52(0, 0.3)).toBe(1);
    expect(matern52(0.01, 0.3)).toBeLessThan(1);
    expect(matern52(0.04, 0.3)).toBeLessThan(matern52(0.01, 0.3));
    expect(matern52(0.04, 0.1)).toBeLessThan(matern52(0.04, 0.3));
  });

  it('expected improvement grows with a lower mean and, away from the best, with uncertainty', () => {
    expect(expectedImprovement(-1, 0.1, 0, 0)).toBeGreaterThan(expectedImprovement(-0.5, 0.1, 0, 0));
    expect(expectedImprovement(1, 1, 0, 0)).toBeGreaterThan(expectedImprovement(1, 0.3, 0, 0));
    expect(expectedImprovement(0.5, 0, 0, 0)).toBe(0);
    expect(expectedImprovement(-0.5, 0, 0, 0)).toBe(0.5);
    // Closed form at mu = best: sd · φ(0).
    expect(expectedImprovement(0, 2, 0, 0)).toBeCloseTo(2 / Math.sqrt(2 * Math.PI), 6);
  });

  it('treats failures as the worst result and caps outliers', () => {
    expect(robustTargets([NaN, Infinity])).toBeNull();
    expect(robustTargets([1, 2, 3])).toEqual([1, 2, 3]);
    const t = robustTargets([0.2, 0.3, 0.4, 1e9, NaN, -Infinity])!;
    // Median 0.3, spread 0.1 → cap 0.8; failures count as that worst value.
    expect(t.slice(0, 3)).toEqual([0.2, 0.3, 0.4]);
    expect(t[3]).toBeCloseTo(0.8, 12);
    expect(t[4]).toBeCloseTo(0.8, 12);
    expect(t[5]).toBeCloseTo(0.8, 12);
  });
});

describe('BayesianSearch on conditional settings', () => {
  it('suggests momentum β only with SGD + momentum, and the units of layer 2 only with 2 or more layers', () => {
    const space: SearchSpace = {
      lr: { kind: 'range', min: 1e-3, max: 1, scale: 'log' },
      layers: { kind: 'range', min: 1, max: 3, scale: 'linear', integer: true },
      units2: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
      optimizer: { kind: 'list', values: ['adam', 'momentum'] },
      momentum: { kind: 'range', min: 0.5, max: 0.99, scale: 'linear' },
    };
    // Best: momentum, β near 0.9, two layers of 8 — the model must learn from trials with and without β.
    const f = (t: Trial) => (t.optimizer === 'momentum' ? 10 * ((t.momentum as number) - 0.9) ** 2 : 0.5) + (Math.log10(t.lr as number) + 1.5) ** 2 + (t.units2 !== undefined ? 0.05 * (Math.log2(t.units2 as number) - 3) ** 2 : 0.3);
    const bo = new BayesianSearch(space, 2, { initial: 4, candidates: 100 });
    const trials: Trial[] = [];
    for (let i = 0; i < 16; i++) {
      const t = bo.suggest();
      bo.observe(t, f(t));
      trials.push(t);
    }
    for (const t of trials) {
      expect(t.momentum !== undefined).toBe(t.optimizer === 'momentum');
      expect(t.units2 !== undefined).toBe((t.layers as number) >= 2);
    }
    expect(bo.best!.objective).toBeLessThan(Math.min(...randomTrials(space, 4, 2).map(f)));
  });
});
