// Every type of a hyperparameter search in one place: what is searched (the space, a trial),
// what a search is asked to do (the spec), what a worker is asked to train (a trial spec) and
// what comes back (a trial's result, a finished trial, a row of the race). Types only: the page,
// the store and the workers all import them.
import type { EngineKey, ExperimentConfig } from '../shared/config';

/** The settings a search can vary (PARAM_KEYS in space.ts lists them in display order). */
export type ParamKey = 'lr' | 'batch' | 'units' | 'layers' | 'l2' | 'dropout' | 'optimizer' | 'activation';

/** A continuous or integer interval, or an explicit list of values to try. */
export type ParamSpec =
  | { kind: 'range'; min: number; max: number; scale: 'linear' | 'log'; integer?: boolean }
  | { kind: 'list'; values: (number | string)[] };

export type SearchSpace = Partial<Record<ParamKey, ParamSpec>>;
/** One point of the space: a value for each searched parameter. */
export type Trial = Partial<Record<ParamKey, number | string>>;

export type Strategy = 'grid' | 'random' | 'bayes';

export interface SpaceIssue {
  field: ParamKey | 'space';
  message: string;
  /** The message's key in the `search` namespace and its values, for the page's language (the
   * parameter's name is added as `label` where the text is shown). */
  key?: string;
  params?: Record<string, string | number>;
}

/** What each parameter may take: a numeric interval (maybe whole numbers only) or a fixed set of names. */
export type ParamLimit =
  | { kind: 'number'; min: number; max: number; int: boolean; label: string }
  | { kind: 'choice'; values: readonly string[]; label: string };

export type Objective = 'loss' | 'accuracy';

/** One trial as a worker trains it: the config with the trial applied, and how to score it. */
export interface TrialSpec {
  config: ExperimentConfig;
  folds: number;
  epochs: number;
  objective: Objective;
}

export interface TrialResult {
  /** The objective on each held-out fold: validation loss, or accuracy. */
  folds: number[];
  mean: number;
  std: number;
  ms: number;
  /** The backend that trained it. */
  backend?: EngineKey;
  /** Trained by the batched engine (stacked with the other trials and folds of its group), not alone. */
  batched?: boolean;
  /** Why a trial of a batched search trained alone, when the page should say it: batch norm is on. */
  alone?: 'batchnorm';
}

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
