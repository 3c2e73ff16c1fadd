// Every type of a hyperparameter search in one place: what is searched (the space, a trial),
// what a search is asked to do (the spec), what a worker is asked to train (a trial spec) and
// what comes back (a trial's result, a finished trial, a row of the race). Types only: the page,
// the store and the workers all import them.
import type { EngineKey, ExperimentConfig } from '../shared/config';

/**
 * The settings a search can vary (PARAM_KEYS in space.ts lists them in display order). Two are
 * conditional (isActive in space.ts): `momentum` (momentum β) exists only when the trial's
 * optimizer is 'momentum', `units2` (the units of hidden layers 2, 3, …; `units` then sizes
 * layer 1 only) only when the trial has 2 or more hidden layers. On image sets `filters` is
 * the first conv layer's filters (later conv layers keep their proportion to it) and `units` the
 * dense layers' units; the 2-D sets' hidden-layer settings do not exist there (appliesTo in
 * space.ts). A trial leaves inactive settings out.
 */
export type ParamKey = 'lr' | 'batch' | 'filters' | 'units' | 'layers' | 'units2' | 'l2' | 'dropout' | 'optimizer' | 'momentum' | 'activation';

/** A continuous or integer interval, or an explicit list of values to try. */
export type ParamSpec =
  | { kind: 'range'; min: number; max: number; scale: 'linear' | 'log'; integer?: boolean }
  | { kind: 'list'; values: (number | string)[] };

export type SearchSpace = Partial<Record<ParamKey, ParamSpec>>;
/** One point of the space: a value for each searched parameter. */
export type Trial = Partial<Record<ParamKey, number | string>>;

/**
 * grid, random and bayes (a Gaussian process) plan or pick trials; tpe is the tree-structured
 * Parzen estimator (src/search/tpe.ts); hyperband runs brackets of successive halving over random
 * trials (src/search/hyperband.ts), pruning by itself.
 */
export type Strategy = 'grid' | 'random' | 'bayes' | 'tpe' | 'hyperband';

/**
 * Stopping bad trials early (src/search/pruners.ts): 'median' stops a trial whose intermediate
 * objective is worse than the median of the earlier trials at the same epoch; 'asha' is
 * successive halving: rungs at r, rη, rη², … epochs, the best 1/η of the trials at a rung go on.
 */
export type Pruner = 'none' | 'median' | 'asha';

/** The second objective of a two-objective search: the model's parameter count, or its training time. */
export type SecondObjective = 'params' | 'time';
/** What a search optimizes: the objective alone, or it and a second one (a Pareto front). */
export type Objectives = readonly ['loss'] | readonly ['loss', SecondObjective];

/** One setting's share of the objective's variance (fANOVA on a random-forest surrogate), 0–1. */
export interface Importance {
  key: ParamKey;
  importance: number;
}

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
  /** Stopped early by the pruner (or a Hyperband rung); its scores are those at `stoppedAt`. */
  pruned?: boolean;
  /** The epoch the trial stopped at (its last trained epoch; = the spec's epochs when it ran to the end). */
  stoppedAt?: number;
  /**
   * The objective (mean over folds) after each epoch 1, 2, …, stoppedAt, as the pruner saw it;
   * present on trials of a search with a pruner or Hyperband.
   */
  intermediate?: number[];
  /** The Hyperband bracket the trial ran in (0 = the most aggressive). */
  bracket?: number;
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
  /** Stop bad trials early (default 'none'); Hyperband prunes by itself and ignores it. */
  pruner?: Pruner;
  /** ASHA's and Hyperband's reduction factor η (default 3): the best 1/η of a rung go on. */
  eta?: number;
  /** ASHA's first rung r in epochs (default ⌊epochs ÷ η²⌋, at least 1: rungs at r, rη, rη², see defaultMinEpochs in pruners.ts). */
  minEpochs?: number;
  /** ['loss'] (default) or ['loss', 'params' | 'time']: then the result has a Pareto front. */
  objectives?: Objectives;
}

/** A finished trial: its place in the search, its settings, and its scores. */
export interface TrialRecord extends TrialResult {
  index: number;
  trial: Trial;
}

/** What `playground.search` resolves to. */
export interface SearchOutcome {
  trials: TrialRecord[];
  best: TrialRecord | null;
  /** Each searched setting's importance, largest first (empty with fewer than 4 finished trials). */
  importance: Importance[];
  /** With two objectives: the non-dominated trials, by the first objective. */
  pareto?: TrialRecord[];
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
