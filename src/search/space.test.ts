import { describe, it, expect } from 'vitest';
import { ACTIVATIONS, DEFAULT_CONFIG, MAX_LAYERS, MAX_UNITS, OPTIMIZERS, RANGES } from '../shared/config';
import {
  DEFAULT_LISTS,
  DEFAULT_RANGES,
  PARAM_KEYS,
  PARAM_LIMITS,
  gridSize,
  gridTrials,
  isActive,
  randomTrials,
  trialKey,
  validateSpace,
} from './space';
import type { SearchSpace, SpaceIssue } from './types';

// The grid of the article's GridSearchCV example (learning rate × batch size × hidden units).
const ARTICLE: SearchSpace = {
  lr: { kind: 'list', values: [0.01, 0.001, 0.0001] },
  batch: { kind: 'list', values: [32, 64, 128] },
  units: { kind: 'list', values: [16, 32, 64] },
};

const messages = (issues: SpaceIssue[]) => issues.map((i) => `${i.field}: ${i.message}`);

describe('grid', () => {
  it('is the full cartesian product, each combination once, in nested-loop order', () => {
    const trials = gridTrials(ARTICLE);
    expect(gridSize(ARTICLE)).toBe(27);
    expect(trials).toHaveLength(27);
    expect(new Set(trials.map(trialKey)).size).toBe(27);
    const expected = [];
    for (const lr of [0.01, 0.001, 0.0001]) for (const batch of [32, 64, 128]) for (const units of [16, 32, 64]) expected.push({ lr, batch, units });
    expect(trials).toEqual(expected);
    expect(gridTrials(ARTICLE)).toEqual(trials);
  });

  it('PARAM_KEYS lists every searchable setting (ParamKey in types.ts) once', () => {
    expect([...PARAM_KEYS].sort()).toEqual(Object.keys(PARAM_LIMITS).sort());
    expect(new Set(PARAM_KEYS).size).toBe(PARAM_KEYS.length);
  });

  it('orders by PARAM_KEYS whatever the order the space was written in', () => {
    const space: SearchSpace = { activation: { kind: 'list', values: ['relu', 'tanh'] }, lr: { kind: 'list', values: [0.1, 0.01] } };
    expect(gridTrials(space)).toEqual([
      { lr: 0.1, activation: 'relu' },
      { lr: 0.1, activation: 'tanh' },
      { lr: 0.01, activation: 'relu' },
      { lr: 0.01, activation: 'tanh' },
    ]);
  });

  it('sizes a mixed grid as the product of its list lengths', () => {
    const space: SearchSpace = { ...ARTICLE, optimizer: { kind: 'list', values: ['sgd', 'adam'] }, layers: { kind: 'list', values: [1] } };
    expect(gridSize(space)).toBe(54);
    const trials = gridTrials(space);
    expect(trials).toHaveLength(54);
    expect(new Set(trials.map(trialKey)).size).toBe(54);
    for (const t of trials) expect(Object.keys(t).sort()).toEqual(['batch', 'layers', 'lr', 'optimizer', 'units']);
  });

  it('has no trials for an empty space and refuses a range', () => {
    expect(gridSize({})).toBe(0);
    expect(gridTrials({})).toEqual([]);
    const withRange: SearchSpace = { ...ARTICLE, l2: { kind: 'range', min: 0, max: 0.1, scale: 'linear' } };
    expect(gridSize(withRange)).toBe(Infinity);
    expect(() => gridTrials(withRange)).toThrow(/list of values/);
  });
});

describe('randomTrials', () => {
  it('samples a log range uniformly in log space', () => {
    const trials = randomTrials({ lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' } }, 2000, 7);
    const lr = trials.map((t) => t.lr as number);
    for (const v of lr) {
      expect(v).toBeGreaterThanOrEqual(1e-4);
      expect(v).toBeLessThanOrEqual(1);
    }
    // Half of the log interval lies below 1e-2 (a linear scale would put ~1% there); each decade gets ~a quarter.
    const below = lr.filter((v) => v < 1e-2).length / lr.length;
    expect(below).toBeGreaterThan(0.45);
    expect(below).toBeLessThan(0.55);
    for (let d = -4; d < 0; d++) {
      const share = lr.filter((v) => v >= 10 ** d && v < 10 ** (d + 1)).length / lr.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('samples a linear range uniformly', () => {
    const d = randomTrials({ dropout: { kind: 'range', min: 0.1, max: 0.5, scale: 'linear' } }, 2000, 3).map((t) => t.dropout as number);
    for (const v of d) {
      expect(v).toBeGreaterThanOrEqual(0.1);
      expect(v).toBeLessThanOrEqual(0.5);
    }
    const below = d.filter((v) => v < 0.3).length / d.length;
    expect(below).toBeGreaterThan(0.45);
    expect(below).toBeLessThan(0.55);
  });

  it('gives whole numbers within [min, max] for integer ranges, ends included', () => {
    const space: SearchSpace = {
      units: { kind: 'range', min: 1, max: 10, scale: 'linear' },
      batch: { kind: 'range', min: 2, max: 512, scale: 'log', integer: true },
      layers: { kind: 'range', min: 0.5, max: 3.5, scale: 'linear' },
    };
    const trials = randomTrials(space, 3000, 11);
    const counts = new Map<number, number>();
    for (const t of trials) {
      for (const k of ['units', 'batch', 'layers'] as const) expect(Number.isInteger(t[k])).toBe(true);
      expect(t.batch).toBeGreaterThanOrEqual(2);
      expect(t.batch).toBeLessThanOrEqual(512);
      expect(t.layers).toBeGreaterThanOrEqual(1);
      expect(t.layers).toBeLessThanOrEqual(3);
      counts.set(t.units as number, (counts.get(t.units as number) ?? 0) + 1);
    }
    // Every whole number 1..10 about equally often (300 expected each), the ends too.
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const c of counts.values()) expect(Math.abs(c - 300)).toBeLessThan(75);
    // Log-scaled batch: about half below √(2·512) = 32.
    const below = trials.filter((t) => (t.batch as number) < 32).length / trials.length;
    expect(below).toBeGreaterThan(0.42);
    expect(below).toBeLessThan(0.58);
  });

  it('picks list values uniformly', () => {
    const trials = randomTrials({ optimizer: { kind: 'list', values: [...OPTIMIZERS] }, lr: { kind: 'list', values: [0.1, 0.01] } }, 2500, 5);
    for (const o of OPTIMIZERS) {
      const c = trials.filter((t) => t.optimizer === o).length;
      expect(Math.abs(c - 500)).toBeLessThan(90);
    }
    expect(new Set(trials.map((t) => t.lr))).toEqual(new Set([0.1, 0.01]));
  });

  it('is reproducible from the seed, and another seed gives other samples', () => {
    const space: SearchSpace = { lr: DEFAULT_RANGES.lr, units: DEFAULT_RANGES.units, optimizer: DEFAULT_RANGES.optimizer };
    const a = randomTrials(space, 20, 42);
    expect(randomTrials(space, 20, 42)).toEqual(a);
    expect(randomTrials(space, 10, 42)).toEqual(a.slice(0, 10));
    const b = randomTrials(space, 20, 43);
    expect(b).not.toEqual(a);
    expect(b.filter((t, i) => t.lr === a[i].lr).length).toBeLessThan(3);
    expect(new Set(a.map((t) => t.lr)).size).toBeGreaterThan(15);
    expect(randomTrials(space, 0, 1)).toEqual([]);
  });
});

describe('validateSpace', () => {
  it('accepts the article grid and the default lists and ranges', () => {
    expect(validateSpace(ARTICLE, 'grid')).toEqual([]);
    expect(validateSpace(DEFAULT_RANGES, 'random')).toEqual([]);
    expect(validateSpace(DEFAULT_RANGES, 'bayes')).toEqual([]);
    // Every default list alone, and a few together, make a valid grid.
    for (const k of PARAM_KEYS) expect(validateSpace({ [k]: DEFAULT_LISTS[k] }, 'grid')).toEqual([]);
    expect(validateSpace({ lr: DEFAULT_LISTS.lr, batch: DEFAULT_LISTS.batch, units: DEFAULT_LISTS.units, optimizer: DEFAULT_LISTS.optimizer }, 'grid')).toEqual([]);
  });

  it('asks for at least one parameter', () => {
    for (const s of ['grid', 'random', 'bayes'] as const) {
      expect(messages(validateSpace({}, s))).toEqual(['space: Choose at least one parameter to search.']);
    }
  });

  it('flags a list with no values', () => {
    expect(messages(validateSpace({ batch: { kind: 'list', values: [] } }, 'random'))).toEqual(['batch: Batch size has no values to try: add at least one.']);
  });

  it('flags a minimum above the maximum', () => {
    expect(messages(validateSpace({ dropout: { kind: 'range', min: 0.5, max: 0.1, scale: 'linear' } }, 'random'))).toEqual([
      'dropout: Dropout rate: the minimum 0.5 is above the maximum 0.1.',
    ]);
  });

  it('flags a log range touching zero', () => {
    expect(messages(validateSpace({ l2: { kind: 'range', min: 0, max: 0.1, scale: 'log' } }, 'bayes'))).toEqual([
      'l2: L2 λ: a log scale needs a minimum above 0 (got 0).',
    ]);
    expect(validateSpace({ l2: { kind: 'range', min: 1e-5, max: 0.1, scale: 'log' } }, 'bayes')).toEqual([]);
  });

  it('wants value lists for a grid', () => {
    const space: SearchSpace = { lr: { kind: 'range', min: 1e-3, max: 1, scale: 'log' }, batch: DEFAULT_LISTS.batch };
    expect(messages(validateSpace(space, 'grid'))).toEqual(['lr: Learning rate: grid search takes a list of values, not a range.']);
    expect(validateSpace(space, 'random')).toEqual([]);
  });

  it('limits the size of a grid', () => {
    const nine = (vals: number[]) => ({ kind: 'list' as const, values: vals });
    const space: SearchSpace = {
      lr: nine([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]),
      batch: nine([1, 2, 4, 8, 16, 32, 64, 128, 256]),
      units: nine([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    };
    expect(gridSize(space)).toBe(729);
    expect(messages(validateSpace(space, 'grid'))).toEqual(['space: the grid has 729 trials, more than the limit of 500']);
    expect(validateSpace(space, 'grid', { maxGrid: 729 })).toEqual([]);
    // Only the grid enumerates every combination.
    expect(validateSpace(space, 'random')).toEqual([]);
  });

  it("keeps values within the config's own limits", () => {
    const space: SearchSpace = {
      lr: { kind: 'list', values: [0.1, 20] },
      batch: { kind: 'list', values: [0, 32.5] },
      units: { kind: 'range', min: 1, max: MAX_UNITS + 1, scale: 'log' },
      layers: { kind: 'list', values: [MAX_LAYERS + 1] },
      l2: { kind: 'range', min: -0.1, max: 0.1, scale: 'linear' },
      dropout: { kind: 'list', values: [0.95] },
      optimizer: { kind: 'list', values: ['adam', 'lbfgs'] },
      activation: { kind: 'list', values: ['relu', 'gelu'] },
    };
    expect(messages(validateSpace(space, 'random'))).toEqual([
      `lr: Learning rate must be between ${RANGES.lr.min} and ${RANGES.lr.max} (got 20)`,
      'batch: Batch size must be between 1 and 1000 (got 0)',
      'batch: Batch size must be a whole number (got 32.5)',
      `units: Units per hidden layer must be between 1 and ${MAX_UNITS} (got ${MAX_UNITS + 1})`,
      `layers: Hidden layers must be between 0 and ${MAX_LAYERS} (got ${MAX_LAYERS + 1})`,
      'l2: L2 λ must be between 0 and 1 (got -0.1)',
      'dropout: Dropout rate must be between 0 and 0.9 (got 0.95)',
      `optimizer: Optimizer must be one of ${OPTIMIZERS.join(', ')} (got "lbfgs")`,
      `activation: Activation must be one of ${ACTIVATIONS.join(', ')} (got "gelu")`,
    ]);
  });

  it('flags wrong kinds of values, repeats, ranges of names and empty integer ranges', () => {
    const space: SearchSpace = {
      lr: { kind: 'list', values: ['fast', 0.1, 0.1] },
      units: { kind: 'range', min: 2.2, max: 2.8, scale: 'linear' },
      optimizer: { kind: 'range', min: 0, max: 1, scale: 'linear' },
    };
    expect(messages(validateSpace(space, 'random'))).toEqual([
      'lr: Learning rate values must be numbers (got "fast")',
      'lr: Learning rate lists 0.1 more than once.',
      'units: Units per hidden layer: no whole number lies between 2.2 and 2.8.',
      'optimizer: Optimizer takes a list of choices, not a range.',
    ]);
  });
});

describe('conditional settings', () => {
  const sgd = { ...DEFAULT_CONFIG, optimizer: 'sgd' as const, layers: [4] };
  const withMomentum = { ...DEFAULT_CONFIG, optimizer: 'momentum' as const, layers: [4, 4] };

  it('isActive: momentum only with the momentum optimizer, units2 only with 2 or more layers', () => {
    expect(isActive('lr', {}, sgd)).toBe(true);
    expect(isActive('momentum', { optimizer: 'momentum' }, sgd)).toBe(true);
    expect(isActive('momentum', { optimizer: 'adam' }, withMomentum)).toBe(false);
    // Not searched: the base config decides; with no base, the page has checked it beforehand.
    expect(isActive('momentum', {}, sgd)).toBe(false);
    expect(isActive('momentum', {}, withMomentum)).toBe(true);
    expect(isActive('momentum', {})).toBe(true);
    expect(isActive('units2', { layers: 1 }, withMomentum)).toBe(false);
    expect(isActive('units2', { layers: 2 }, sgd)).toBe(true);
    expect(isActive('units2', { layers: 0 })).toBe(false);
    expect(isActive('units2', {}, sgd)).toBe(false);
    expect(isActive('units2', {}, withMomentum)).toBe(true);
  });

  it('a grid leaves a setting out of the cells where it does not exist, and counts only real cells', () => {
    const space: SearchSpace = { optimizer: { kind: 'list', values: ['sgd', 'momentum'] }, momentum: { kind: 'list', values: [0.5, 0.9] } };
    expect(gridTrials(space)).toEqual([{ optimizer: 'sgd' }, { optimizer: 'momentum', momentum: 0.5 }, { optimizer: 'momentum', momentum: 0.9 }]);
    expect(gridSize(space)).toBe(3);
    const deep: SearchSpace = {
      lr: DEFAULT_LISTS.lr,
      units: { kind: 'list', values: [4, 8] },
      layers: { kind: 'list', values: [1, 2, 3] },
      units2: { kind: 'list', values: [2, 4, 8] },
      optimizer: { kind: 'list', values: ['adam', 'momentum', 'sgd'] },
      momentum: { kind: 'list', values: [0.8, 0.9] },
    };
    const cells = gridTrials(deep);
    // lr 3 × units 2 × (1 + 3 + 3 layer cells) × (1 + 2 + 1 optimizer cells).
    expect(cells).toHaveLength(3 * 2 * 7 * 4);
    expect(gridSize(deep)).toBe(cells.length);
    expect(new Set(cells.map(trialKey)).size).toBe(cells.length);
    for (const t of cells) {
      expect(t.momentum !== undefined).toBe(t.optimizer === 'momentum');
      expect(t.units2 !== undefined).toBe((t.layers as number) >= 2);
    }
    // With the controlling setting not searched, the base config decides.
    const beta: SearchSpace = { lr: DEFAULT_LISTS.lr, momentum: DEFAULT_LISTS.momentum };
    expect(gridTrials(beta, sgd)).toHaveLength(3);
    expect(gridSize(beta, sgd)).toBe(3);
    expect(gridTrials(beta, withMomentum)).toHaveLength(6);
    expect(gridSize(beta, withMomentum)).toBe(6);
  });

  it('random sampling leaves inactive settings out of the trial and samples active ones', () => {
    const trials = randomTrials(DEFAULT_RANGES, 600, 9);
    let momentum = 0;
    let deep = 0;
    for (const t of trials) {
      expect(t.momentum !== undefined).toBe(t.optimizer === 'momentum');
      expect(t.units2 !== undefined).toBe((t.layers as number) >= 2);
      if (t.momentum !== undefined) {
        momentum++;
        expect(t.momentum).toBeGreaterThanOrEqual(0.5);
        expect(t.momentum).toBeLessThanOrEqual(0.99);
      }
      if (t.units2 !== undefined) {
        deep++;
        expect(Number.isInteger(t.units2)).toBe(true);
      }
    }
    // One optimizer in five; two layer counts in three.
    expect(momentum).toBeGreaterThan(80);
    expect(momentum).toBeLessThan(160);
    expect(deep).toBeGreaterThan(340);
    expect(deep).toBeLessThan(460);
    // The base config decides when the optimizer is not searched.
    expect(randomTrials({ lr: DEFAULT_RANGES.lr, momentum: DEFAULT_RANGES.momentum }, 20, 1, sgd).every((t) => t.momentum === undefined)).toBe(true);
    expect(randomTrials({ lr: DEFAULT_RANGES.lr, momentum: DEFAULT_RANGES.momentum }, 20, 1, withMomentum).every((t) => t.momentum !== undefined)).toBe(true);
  });

  it('refuses a conditional setting that no trial would use', () => {
    const adamOnly: SearchSpace = { optimizer: { kind: 'list', values: ['adam', 'sgd'] }, momentum: DEFAULT_LISTS.momentum };
    expect(messages(validateSpace(adamOnly, 'grid'))).toEqual(['momentum: Momentum β is never used: no trial uses the optimizer "momentum".']);
    expect(validateSpace({ ...adamOnly, optimizer: { kind: 'list', values: ['adam', 'momentum'] } }, 'grid')).toEqual([]);
    const shallow: SearchSpace = { layers: { kind: 'range', min: 0, max: 1, scale: 'linear' }, units2: DEFAULT_RANGES.units2 };
    expect(validateSpace(shallow, 'random').map((i) => i.key)).toEqual(['problem.never.units2']);
    expect(validateSpace({ ...shallow, layers: DEFAULT_RANGES.layers }, 'random')).toEqual([]);
    // Not searched: only the page, which knows the config, can tell.
    expect(validateSpace({ momentum: DEFAULT_LISTS.momentum }, 'grid')).toEqual([]);
    expect(validateSpace({ momentum: DEFAULT_LISTS.momentum }, 'grid', undefined, withMomentum)).toEqual([]);
    expect(validateSpace({ momentum: DEFAULT_LISTS.momentum }, 'grid', undefined, sgd).map((i) => i.field)).toEqual(['momentum']);
    expect(validateSpace({ units2: DEFAULT_LISTS.units2 }, 'grid', undefined, sgd).map((i) => i.key)).toEqual(['problem.never.units2']);
  });
});
