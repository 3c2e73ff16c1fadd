// What a hyperparameter search is asked to do and what each trial reports.
import type { SearchSpace, Strategy, Trial } from '../search/space';
import type { Objective, TrialResult } from '../shared/protocol';

export interface SearchSpec {
  strategy: Strategy;
  space: SearchSpace;
  /** Trials for random and Bayesian search; a grid runs all its cells. */
  budget: number;
  /** k of k-fold cross-validation; 1 = the plain validation split. */
  folds: number;
  epochs: number;
  seed: number;
  objective: Objective;
  /** Early stopping per trial (patience in epochs, 0 = off); omitted: the playground's setting. */
  patience?: number;
  /**
   * Train trials batched (default): each worker trains its share of the trials as stacked
   * models, one tfjs operation serving all of them. false: one trial at a time per worker, the
   * plain Trainer (the baseline the benchmark compares against).
   */
  batched?: boolean;
  /** Use at most this many of the pool's workers (default: all of them, one per core up to 4). */
  workers?: number;
}

/** A finished trial: its place in the search, its settings, and its scores. */
export interface TrialRecord extends TrialResult {
  index: number;
  trial: Trial;
}

/** One row of the race: a strategy's measured cost and result on the shared space and budget. */
export interface RaceRow {
  strategy: Strategy;
  trials: number;
  seconds: number;
  best: number;
  /** The trial (1-based) at which the best result was first reached. */
  bestAt: number;
}
