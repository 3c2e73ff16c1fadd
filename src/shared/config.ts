// The one type that describes an experiment, its defaults and ranges. The URL hash, the
// scripting API and the controls all validate through `schema.ts` against these definitions.
import { datasetInfo, isImages, type DatasetKey, type Problem, type UploadInfo } from './datasets';
import type { ImageAugment } from '../data/imageAugment';
import { SMALL_CNN } from './imageStack';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const INITIALIZERS = ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'zeros'] as const;
export type Initializer = (typeof INITIALIZERS)[number];

export const LOSSES = ['mse', 'bce', 'cce'] as const;
export type LossKey = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerKey = (typeof OPTIMIZERS)[number];

export const BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendKey = (typeof BACKENDS)[number];
/** The tfjs backends themselves; 'auto' times the model on each and picks the fastest. */
export type EngineKey = Exclude<BackendKey, 'auto'>;

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

/** Training-set augmentation: Gaussian jitter of the points and the data set's own symmetry. */
export interface Augment {
  /** σ of the jitter, in the plot's units (the domain is [-6, 6]); 0 = off. */
  jitter: number;
  /** Apply a random label-preserving symmetry of the data set (rotation, mirror), if it has one. */
  symmetry: boolean;
}

/** A penalty strength: one λ for every layer, or one per weight layer (hidden layers, then output). */
export type Lambda = number | number[];

/** λ for each of `kernels` weight layers; a missing per-layer entry repeats the last. */
export function lambdaPerLayer(l: Lambda, kernels: number): number[] {
  if (typeof l === 'number') return Array.from({ length: kernels }, () => l);
  return Array.from({ length: kernels }, (_, i) => l[Math.min(i, l.length - 1)] ?? 0);
}

/** The strongest λ anywhere, e.g. to tell whether a penalty is on. */
export function lambdaMax(l: Lambda): number {
  return typeof l === 'number' ? l : Math.max(0, ...l);
}

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
  /** L1 and L2 weight penalties λ (kernels only, not biases), global or per layer. */
  l1: Lambda;
  l2: Lambda;
  /** Dropout rate per hidden layer (training only), same length as `layers`. */
  dropout: number[];
  /**
   * Batch normalization per hidden layer, before its activation (same length as `layers`):
   * trained with each mini-batch's statistics, evaluated with their running averages.
   */
  batchnorm: boolean[];
  /**
   * The learning-rate schedule over epochs, as the link writes it (src/shared/schedule.ts):
   * 'constant', 'step:100:0.5', 'exp:0.99', 'cosine:500', 'warmup:20+cosine:500'. `lr` is its base rate.
   */
  schedule: string;
  /** Gradient clipping: the most the global norm of a step's gradients may be (0 = off). */
  clip: number;
  augment: Augment;
  /** Early stopping on validation loss: epochs without improvement (0 = off). */
  patience: number;
  /** The smallest drop in validation loss that counts as an improvement. */
  minDelta: number;
  /** On stopping, go back to the weights of the best epoch. */
  restoreBest: boolean;
  /**
   * Tables only: the two numeric input columns (0-based among the table's numeric inputs) that
   * span the decision-boundary slice; every other input is held at its training mean.
   */
  slice: number[];
  /**
   * Image sets only: the number of training images (balanced over the classes). Validation and
   * test are fixed (src/worker/digitsSource.ts), whatever this number, so runs compare.
   */
  images: number;
  /** Image sets only: the layer stack before the softmax head, as text (src/shared/imageStack.ts). */
  imageLayers: string;
  /** Image sets only: augmentation of the training images, fresh every epoch (src/data/imageAugment.ts). */
  imageAugment: ImageAugment;
  /** Epoch budget: training stops at this epoch (0 = no limit). Live: raising it lets a run go on. */
  epochs: number;
  /** Pace in epochs per second, for narrating a run (0 = full speed). Live. */
  pace: number;
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
  l1: { min: 0, max: 1, int: false, label: 'L1 λ' },
  l2: { min: 0, max: 1, int: false, label: 'L2 λ' },
  dropoutRate: { min: 0, max: 0.9, int: false, label: 'Dropout rate' },
  jitter: { min: 0, max: 2, int: false, label: 'Jitter σ' },
  patience: { min: 0, max: 1000, int: true, label: 'Patience' },
  minDelta: { min: 0, max: 1, int: false, label: 'Minimum improvement' },
  sweepEpochs: { min: 5, max: 5000, int: true, label: 'Epochs per model' },
  sliceColumn: { min: 0, max: 199, int: true, label: 'Slice column' },
  epochs: { min: 0, max: 100000, int: true, label: 'Stop at epoch' },
  pace: { min: 0, max: 60, int: false, label: 'Pace (epochs/s)' },
  clip: { min: 0, max: 1000, int: false, label: 'Clip norm' },
  images: { min: 100, max: 8000, int: true, label: 'Training images' },
  imgShift: { min: 0, max: 8, int: false, label: 'Shift (pixels)' },
  imgRotate: { min: 0, max: 45, int: false, label: 'Rotation (degrees)' },
  imgZoom: { min: 0, max: 0.5, int: false, label: 'Zoom' },
  imgNoise: { min: 0, max: 0.5, int: false, label: 'Noise σ' },
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
  backend: 'auto',
  l1: 0,
  l2: 0,
  dropout: [0, 0],
  batchnorm: [false, false],
  schedule: 'constant',
  clip: 0,
  augment: { jitter: 0, symmetry: false },
  patience: 0,
  minDelta: 0.0001,
  restoreBest: true,
  slice: [0, 1],
  images: 2000,
  imageLayers: SMALL_CNN,
  imageAugment: { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false },
  epochs: 0,
  pace: 0,
};

/** Losses that make sense for a data set (the uploaded file's as `upload` describes it), the first being the default. */
export function lossesFor(dataset: DatasetKey, upload: UploadInfo | null = null): LossKey[] {
  const info = datasetInfo(dataset, upload);
  if (info.problem === 'regression') return ['mse'];
  // The image model ends in a softmax trained with cross-entropy only.
  if (isImages(dataset)) return ['cce'];
  return info.classes > 2 ? ['cce', 'mse'] : ['bce', 'mse'];
}

export function numClasses(dataset: DatasetKey, upload: UploadInfo | null = null): number {
  return datasetInfo(dataset, upload).classes;
}

/** Output units of the network for a data set: 1 for binary and regression, K for K classes. */
export function outputUnits(dataset: DatasetKey, upload: UploadInfo | null = null): number {
  const k = numClasses(dataset, upload);
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
