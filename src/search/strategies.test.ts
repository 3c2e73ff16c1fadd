import { describe, it, expect } from 'vitest';
import { createSearcher, planTrials } from './strategies';
import { gridTrials, randomTrials } from './space';
import type { SearchSpace, Trial } from './types';

const GRID: SearchSpace = { lr: { kind: 'list', values: [0.1, 0.01] }, batch: { kind: 'list', values: [16, 32, 64] } };
const RANGE: SearchSpace = { lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' }, units: { kind: 'range', min: 2, max: 32, scale: 'log' } };

function drain(s: ReturnType<typeof createSearcher>, f: (t: Trial) => number): Trial[] {
  const out: Trial[] = [];
  for (let t = s.next(); t; t = s.next()) {
    out.push(t);
    s.observe(t, f(t));
  }
  return out;
}

describe('planTrials', () => {
  it('plans the whole grid whatever the budget', () => {
    expect(planTrials('grid', GRID, 2, 1)).toEqual(gridTrials(GRID));
    expect(planTrials('grid', GRID, 2, 1)).toHaveLength(6);
  });

  it('plans `budget` seeded random trials', () => {
    expect(planTrials('random', RANGE, 12, 3)).toEqual(randomTrials(RANGE, 12, 3));
    expect(planTrials('random', RANGE, 12, 3)).toHaveLength(12);
  });

  it('refuses Bayesian search at run time too', () => {
    expect(() => planTrials('bayes' as 'grid', RANGE, 5, 1)).toThrow(/BayesianSearch/);
  });
});

describe('createSearcher', () => {
  const f = (t: Trial) => (Math.log10(t.lr as number) + 2) ** 2;

  it('hands out the planned trials for grid and random search, then null', () => {
    const g = createSearcher('grid', GRID, 100, 1);
    expect(g.total).toBe(6);
    expect(drain(g, f)).toEqual(gridTrials(GRID));
    const r = createSearcher('random', RANGE, 7, 2);
    expect(r.total).toBe(7);
    expect(drain(r, f)).toEqual(randomTrials(RANGE, 7, 2));
  });

  it('runs a Bayesian search for exactly the budget', () => {
    const b = createSearcher('bayes', RANGE, 12, 4, { initial: 4 });
    expect(b.total).toBe(12);
    const trials = drain(b, f);
    expect(trials).toHaveLength(12);
    expect(b.next()).toBeNull();
    expect(Math.min(...trials.map(f))).toBeLessThan(Math.min(...randomTrials(RANGE, 12, 4).map(f)));
  });
});
