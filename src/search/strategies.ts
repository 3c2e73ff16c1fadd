// One entry point per strategy. Grid and random search know all their trials up front; Bayesian
// search and TPE decide each trial from the results so far, so their caller loops
// suggest → run → observe:
//
//     const bo = new BayesianSearch(space, seed);
//     for (let i = 0; i < budget; i++) {
//       const trial = bo.suggest();
//       bo.observe(trial, await evaluate(trial)); // e.g. the mean validation loss over k folds
//     }
//
// `createSearcher` wraps them behind that same loop for code that should not care. Hyperband is
// not a searcher: it decides how long each trial trains, so the runner drives it itself.
import { BayesianSearch, type BayesOptions } from './bayes';
import { gridTrials, randomTrials, type SearchBase } from './space';
import { TpeSearch, tpeStartup, type TpeOptions } from './tpe';
import type { SearchSpace, Strategy, Trial } from './types';

/**
 * The trials of a grid (all of it, in gridTrials' order; `budget` is ignored: check the size
 * with validateSpace first) or of a random search (`budget` seeded samples). Bayesian search and
 * TPE cannot be planned ahead: use createSearcher instead.
 */
export function planTrials(strategy: 'grid' | 'random', space: SearchSpace, budget: number, seed: number, base?: SearchBase): Trial[] {
  if (strategy === 'grid') return gridTrials(space, base);
  if (strategy === 'random') return randomTrials(space, budget, seed, base);
  throw new Error(`"${String(strategy)}" trials cannot be planned ahead; use createSearcher`);
}

/** A search driven one trial at a time: next() until null, observe() each result (lower is better). */
export interface Searcher {
  /** Trials this search will run in all. */
  readonly total: number;
  /** The next trial, or null once `total` have been handed out. */
  next(): Trial | null;
  /** Records a result; grid and random search ignore it, Bayesian search and TPE learn from it. */
  /** `second`: a two-objective search's second objective (lower is better); TPE then splits by Pareto rank. */
  observe(trial: Trial, objective: number, second?: number): void;
}

/**
 * The searcher of a strategy. `base` is the config the trials apply to, for conditional settings
 * whose controlling setting is not searched (see isActive); without it they count as existing.
 */
export function createSearcher(strategy: Strategy, space: SearchSpace, budget: number, seed: number, opts: BayesOptions & TpeOptions = {}, base?: SearchBase): Searcher {
  if (strategy === 'hyperband') throw new Error('hyperband is not a searcher: it decides how long each trial trains, so the search runner drives its brackets itself (src/search/hyperband.ts)');
  if (strategy === 'bayes' || strategy === 'tpe') {
    const model = strategy === 'bayes' ? new BayesianSearch(space, seed, opts, base) : new TpeSearch(space, seed, { startup: tpeStartup(budget), ...opts }, base);
    const total = Math.max(0, Math.floor(budget));
    let given = 0;
    return {
      total,
      next: () => (given < total ? (given++, model.suggest()) : null),
      observe: (t, o, second) => model.observe(t, o, second),
    };
  }
  const trials = planTrials(strategy, space, budget, seed, base);
  let i = 0;
  return {
    total: trials.length,
    next: () => (i < trials.length ? trials[i++] : null),
    observe: () => {},
  };
}
