import { describe, it, expect } from 'vitest';
import { createSearcher, planTrials } from './strategies';
import { tpeStartup } from './tpe';
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

  it('refuses Bayesian search and TPE at run time too', () => {
    expect(() => planTrials('bayes' as 'grid', RANGE, 5, 1)).toThrow(/createSearcher/);
    expect(() => planTrials('tpe' as 'grid', RANGE, 5, 1)).toThrow(/createSearcher/);
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

  it('runs TPE for exactly the budget, reproducibly, learning after its random start', () => {
    const run = (seed: number) => drain(createSearcher('tpe', RANGE, 30, seed), f);
    const trials = run(4);
    expect(trials).toHaveLength(30);
    expect(run(4)).toEqual(trials);
    expect(run(5)).not.toEqual(trials);
    expect(tpeStartup(30)).toBe(8);
    // Over a few seeds, the trials after the start land nearer lr = 0.01 than the random start.
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const runs = [1, 2, 3, 4, 5, 6].map(run);
    expect(mean(runs.flatMap((r) => r.slice(15).map(f)))).toBeLessThan(0.6 * mean(runs.flatMap((r) => r.slice(0, 8).map(f))));
  });

  it('refuses Hyperband, which the runner drives itself', () => {
    expect(() => createSearcher('hyperband', RANGE, 10, 1)).toThrow(/hyperband is not a searcher/);
  });

  it('leaves conditional settings out for every strategy, from the base config when their setting is not searched', () => {
    const space: SearchSpace = {
      lr: { kind: 'list', values: [0.1, 0.01] },
      layers: { kind: 'list', values: [1, 2] },
      units2: { kind: 'list', values: [4, 8] },
      momentum: { kind: 'list', values: [0.5, 0.9] },
    };
    const base = { optimizer: 'adam' as const, layers: [4] };
    for (const strategy of ['grid', 'random', 'bayes', 'tpe'] as const) {
      const trials = drain(createSearcher(strategy, space, 12, 3, { initial: 3, startup: 3 }, base), (t) => Number(t.lr) + (t.units2 ? 0.01 * Number(t.units2) : 0));
      expect(trials.length).toBeGreaterThan(0);
      for (const t of trials) {
        expect(t.momentum).toBeUndefined();
        expect(t.units2 !== undefined).toBe(t.layers === 2);
      }
    }
  });
});
