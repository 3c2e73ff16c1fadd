// One entry point per strategy. Grid and random search know all their trials up front; Bayesian
// search decides each trial from the results so far, so its caller loops suggest → run → observe:
//
//     const bo = new BayesianSearch(space, seed);
//     for (let i = 0; i < budget; i++) {
//       const trial = bo.suggest();
//       bo.observe(trial, await evaluate(trial)); // e.g. the mean validation loss over k folds
//     }
//
// `createSearcher` wraps all three behind that same loop for code that should not care.
import { BayesianSearch, type BayesOptions } from './bayes';
import { gridTrials, randomTrials } from './space';
import type { SearchSpace, Strategy, Trial } from './types';

/**
 * The trials of a grid (all of it, in gridTrials' order; `budget` is ignored: check the size
 * with validateSpace first) or of a random search (`budget` seeded samples). Bayesian search
 * cannot be planned ahead: use BayesianSearch (or createSearcher) instead.
 */
export function planTrials(strategy: Exclude<Strategy, 'bayes'>, space: SearchSpace, budget: number, seed: number): Trial[] {
  if (strategy === 'grid') return gridTrials(space);
  if (strategy === 'random') return randomTrials(space, budget, seed);
  throw new Error(`"${String(strategy)}" trials cannot be planned ahead; use BayesianSearch`);
}

/** A search driven one trial at a time: next() until null, observe() each result (lower is better). */
export interface Searcher {
  /** Trials this search will run in all. */
  readonly total: number;
  /** The next trial, or null once `total` have been handed out. */
  next(): Trial | null;
  /** Records a result; grid and random search ignore it, Bayesian search learns from it. */
  observe(trial: Trial, objective: number): void;
}

export function createSearcher(strategy: Strategy, space: SearchSpace, budget: number, seed: number, opts?: BayesOptions): Searcher {
  if (strategy === 'bayes') {
    const bo = new BayesianSearch(space, seed, opts);
    const total = Math.max(0, Math.floor(budget));
    let given = 0;
    return {
      total,
      next: () => (given < total ? (given++, bo.suggest()) : null),
      observe: (t, o) => bo.observe(t, o),
    };
  }
  const trials = planTrials(strategy, space, budget, seed);
  let i = 0;
  return {
    total: trials.length,
    next: () => (i < trials.length ? trials[i++] : null),
    observe: () => {},
  };
}
