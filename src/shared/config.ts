// The one type that describes an experiment, its defaults and ranges. The URL hash, the
// scripting API and the controls all validate through `schema.ts` against these definitions.
import { DATASETS, type DatasetKey, type Problem } from './datasets';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const INITIALIZERS = ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'zeros'] as const;
export type Initializer = (typeof INITIALIZERS)[number];

export const LOSSES = ['mse', 'bce', 'cce'] as const;
export type LossKey = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerKey = (typeof OPTIMIZERS)[number];

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendKey = (typeof BACKENDS)[number];

export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureKey = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<FeatureKey, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

export interface ExperimentConfig {
  dataset: DatasetKey;
  problem: Problem;
  samples: number;
  noise: number;
  seed: number;
  trainPct: number;
  valPct: number;
  features: FeatureKey[];
  /** Units per hidden layer; empty means a linear model. */
  layers: number[];
  /** Activation per hidden layer, same length as `layers`. */
  activations: Activation[];
  init: Initializer;
  loss: LossKey;
  optimizer: OptimizerKey;
  lr: number;
  batch: number;
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  backend: BackendKey;
}

export const MAX_LAYERS = 6;
export const MAX_UNITS = 256;

/** Numeric ranges, inclusive. `int` fields accept whole numbers only. */
export const RANGES = {
  samples: { min: 20, max: 2000, int: true, label: 'Points' },
  noise: { min: 0, max: 1, int: false, label: 'Noise' },
  seed: { min: 0, max: 2147483647, int: true, label: 'Seed' },
  trainPct: { min: 10, max: 90, int: true, label: 'Training %' },
  valPct: { min: 5, max: 80, int: true, label: 'Validation %' },
  lr: { min: 1e-5, max: 10, int: false, label: 'Learning rate' },
  batch: { min: 1, max: 1000, int: true, label: 'Batch size' },
  momentum: { min: 0, max: 0.999, int: false, label: 'Momentum β' },
  beta1: { min: 0, max: 0.999, int: false, label: 'β₁' },
  beta2: { min: 0, max: 0.99999, int: false, label: 'β₂' },
  epsilon: { min: 1e-10, max: 1, int: false, label: 'ε' },
  units: { min: 1, max: MAX_UNITS, int: true, label: 'Units' },
} as const;
export type RangeKey = keyof typeof RANGES;

/** The smallest share of the data the test split keeps, in percent. */
export const MIN_TEST_PCT = 5;

export const DEFAULT_CONFIG: ExperimentConfig = {
  dataset: 'circle',
  problem: 'classification',
  samples: 500,
  noise: 0.1,
  seed: 1,
  trainPct: 50,
  valPct: 25,
  features: ['x1', 'x2'],
  layers: [4, 2],
  activations: ['tanh', 'tanh'],
  init: 'glorotUniform',
  loss: 'bce',
  optimizer: 'sgd',
  lr: 0.03,
  batch: 10,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  backend: 'webgl',
};

/** Losses that make sense for a data set, the first being the default. */
export function lossesFor(dataset: DatasetKey): LossKey[] {
  const info = DATASETS[dataset];
  if (info.problem === 'regression') return ['mse'];
  return info.classes > 2 ? ['cce', 'mse'] : ['bce', 'mse'];
}

export function numClasses(dataset: DatasetKey): number {
  return DATASETS[dataset].classes;
}

/** Output units of the network for a data set: 1 for binary and regression, K for K classes. */
export function outputUnits(dataset: DatasetKey): number {
  const k = numClasses(dataset);
  return k > 2 ? k : 1;
}

export const LOSS_LABELS: Record<LossKey, string> = {
  mse: 'Mean squared error',
  bce: 'Binary cross-entropy',
  cce: 'Categorical cross-entropy',
};

export const OPTIMIZER_LABELS: Record<OptimizerKey, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
};

export const INITIALIZER_LABELS: Record<Initializer, string> = {
  glorotUniform: 'Glorot uniform',
  glorotNormal: 'Glorot normal',
  heNormal: 'He normal',
  heUniform: 'He uniform',
  zeros: 'Zeros (symmetric)',
};
