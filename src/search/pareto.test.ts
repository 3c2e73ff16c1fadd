import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { dominates, paretoFront, type ParetoPoint } from './pareto';
import type { TrialRecord } from './types';

const pt = (index: number, first: number, second: number, pruned = false): ParetoPoint => ({
  trial: { index, trial: {}, mean: first, std: 0, folds: [first], ms: second, pruned } as TrialRecord,
  first,
  second,
});
const ids = (ps: ParetoPoint[]) => ps.map((p) => p.trial.index);

describe('paretoFront', () => {
  it('contains exactly the non-dominated trials (loss and a second objective, both minimized)', () => {
    const points = [pt(0, 0.5, 100), pt(1, 0.3, 300), pt(2, 0.4, 200), pt(3, 0.45, 250), pt(4, 0.2, 900), pt(5, 0.6, 100), pt(6, 0.3, 500)];
    // 3 is beaten by 2; 5 by 0 (same params, lower loss); 6 by 1 (same loss, fewer params).
    expect(ids(paretoFront(points, 'loss'))).toEqual([4, 1, 2, 0]);
  });

  it('keeps duplicates (neither dominates the other) and drops pruned or non-finite trials', () => {
    const points = [pt(0, 0.3, 10), pt(1, 0.3, 10), pt(2, 0.1, 50, true), pt(3, NaN, 1), pt(4, 0.5, Infinity), pt(5, 0.4, 5)];
    expect(ids(paretoFront(points, 'loss'))).toEqual([0, 1, 5]);
  });

  it('maximizes accuracy', () => {
    const points = [pt(0, 0.9, 100), pt(1, 0.8, 50), pt(2, 0.85, 200), pt(3, 0.95, 400)];
    expect(ids(paretoFront(points, 'accuracy'))).toEqual([3, 0, 1]);
  });

  it('agrees with the definition on random clouds with ties', () => {
    const r = mulberry32(9);
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 30 }, (_, i) => pt(i, Math.round(r() * 8) / 8, Math.round(r() * 8)));
      const front = new Set(ids(paretoFront(points, 'loss')));
      for (const p of points) {
        const beaten = points.some((q) => q.first <= p.first && q.second <= p.second && (q.first < p.first || q.second < p.second));
        expect(front.has(p.trial.index)).toBe(!beaten);
      }
    }
  });

  it('a point never dominates itself or an equal point', () => {
    const a = pt(0, 1, 1);
    expect(dominates(a, a, 'loss')).toBe(false);
    expect(dominates(a, pt(1, 1, 1), 'loss')).toBe(false);
    expect(dominates(a, pt(1, 1, 2), 'loss')).toBe(true);
  });
});
