import { describe, expect, it } from 'vitest';
import { fitBudget, hyperbandBrackets, planHyperband } from './hyperband';
import { randomTrials } from './space';
import type { SearchSpace } from './types';

describe('Hyperband', () => {
  it('plans the brackets of Li et al. (R = 27, η = 3)', () => {
    expect(hyperbandBrackets(27, 3)).toEqual([
      { bracket: 0, trials: 27, rungs: [1, 3, 9] },
      { bracket: 1, trials: 12, rungs: [3, 9] },
      { bracket: 2, trials: 6, rungs: [9] },
      { bracket: 3, trials: 4, rungs: [] },
    ]);
    expect(hyperbandBrackets(10, 3)).toEqual([
      { bracket: 0, trials: 9, rungs: [1, 3] },
      { bracket: 1, trials: 5, rungs: [3] },
      { bracket: 2, trials: 3, rungs: [] },
    ]);
    expect(hyperbandBrackets(1, 3)).toEqual([{ bracket: 0, trials: 1, rungs: [] }]);
  });

  it('fits the budget: in proportion, never over it, the least aggressive brackets dropped first', () => {
    const b = hyperbandBrackets(27, 3);
    const fitted = fitBudget(b, 20);
    expect(fitted.reduce((a, x) => a + x.trials, 0)).toBe(20);
    expect(fitted.map((x) => x.trials)).toEqual([11, 5, 2, 2]);
    expect(fitBudget(b, 2).map((x) => [x.bracket, x.trials])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(fitBudget(b, 98).reduce((a, x) => a + x.trials, 0)).toBe(98);
  });

  it('deals seeded random trials to the brackets in order', () => {
    const space: SearchSpace = { lr: { kind: 'range', min: 0.001, max: 1, scale: 'log' } };
    const plan = planHyperband(space, 9, 3, 11, 4);
    const counts = plan.brackets.map((b) => plan.trials.filter((t) => t.bracket === b.bracket).length);
    expect(counts).toEqual(plan.brackets.map((b) => b.trials));
    expect(plan.trials.map((t) => t.trial)).toEqual(randomTrials(space, 11, 4));
    expect(plan.trials.map((t) => t.bracket)).toEqual([...plan.trials.map((t) => t.bracket)].sort());
  });
});
