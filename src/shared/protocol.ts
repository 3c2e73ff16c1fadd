// The plain-data contract between the page and its workers. Nothing here holds a
// tensor: only numbers, strings and typed arrays (transferred, not copied).
import type { BackendKey, EngineKey, ExperimentConfig } from './config';
import type { SearchSpace, Strategy, Trial, TrialResult, TrialSpec } from '../search/types';
import type { SweepKind, SweepPoint, SweepProgress } from './sweep';
import type { Table, TableTask } from './table';
import type { RaceApi } from './race';
import type { LrLabApi } from './lrLab';

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** null for regression. */
  trainAcc: number | null;
  valAcc: number | null;
  /** The weight penalty λ₁‖w‖₁ + λ₂‖w‖₂² at the end of the epoch (0 when both λ are 0). */
  penalty?: number;
  /** The learning rate this epoch trained with: the base rate × the schedule's factor (absent for epoch 0). */
  lr?: number;
  /** With gradient clipping on: the share of this epoch's steps whose gradients were clipped (0–1). */
  clipped?: number;
}

/** Where early stopping ended a run. */
export interface EarlyStop {
  bestEpoch: number;
  stopEpoch: number;
  bestValLoss: number;
  /** The weights were put back to those of the best epoch. */
  restored: boolean;
}

export interface BackendInfo {
  requested: BackendKey;
  active: EngineKey;
  /** Why the active backend differs from the requested one, or '' when it doesn't. */
  note: string;
  /** 'auto' only: what each backend measured on the current model, fastest first. */
  timings?: { backend: EngineKey; msPerStep: number; /** Only its warm-up step was timed: it used up its share of the time. */ warmOnly?: boolean }[];
  /**
   * 'auto' only: backends that started but were not timed on this model: WebGL drawing in
   * software, when the others already took half the timing budget (too heavy for it to win).
   */
  untimed?: EngineKey[];
  /** Set when WebGL started but draws in software (e.g. SwiftShader): the renderer's name. */
  softwareWebgl?: string;
  /**
   * The active backend's ε (1e-7 with float32; 1e-4 on WebGL without float32 textures): Adagrad
   * adds it under the square root, and tfjs gives no way to set it there.
   */
  epsilon?: number;
}

/**
 * With backend 'auto': how far the timing of a new model on each backend has got, sent while it
 * runs (see src/worker/backends.ts). The whole timing is bounded by `budgetMs`.
 */
export interface TimingProgress {
  /** The backends to time, in the order they are timed. */
  engines: EngineKey[];
  /** Those timed so far, with what they measured (ms per training step). */
  done: { backend: EngineKey; msPerStep: number; warmOnly?: boolean }[];
  /** The backend being timed now; null once all are. */
  current: EngineKey | null;
  elapsedMs: number;
  budgetMs: number;
}

export interface PointsView {
  n: number;
  /** 2n raw coordinates, interleaved x1, x2. */
  x: Float32Array;
  /** Class index or regression target per point. */
  y: Float32Array;
  /** 0 = training, 1 = validation, 2 = test, per point. */
  role: Uint8Array;
}

export interface BoundaryView {
  resolution: number;
  /** Values per cell: 1 (P(class 1) or regression value) or K class probabilities. */
  channels: number;
  values: Float32Array;
}

/** How the model does on the validation rows of a table: a confusion matrix or predicted vs actual. */
export type EvaluationView =
  | {
      kind: 'confusion';
      classNames: string[];
      /** K×K counts, row = actual class, column = predicted class. */
      counts: number[];
    }
  | {
      kind: 'fit';
      /** The target in its own units, per validation row. */
      actual: Float32Array;
      predicted: Float32Array;
    };

/** What the page shows about a table data set (no row data). */
export interface TableView {
  name: string;
  target: string;
  /** Rows kept (after dropping those with missing values). */
  rows: number;
  /** Rows dropped because a used column had no value. */
  dropped: number;
  notes: string[];
  /** The network's input columns after one-hot encoding (e.g. 'Island = Biscoe'). */
  inputNames: string[];
  /** The standardized numeric inputs; `slice` indexes this list. */
  numericInputs: string[];
  classNames: string[];
  /** The slice actually drawn (two positions in numericInputs), or null with fewer than two. */
  slice: [number, number] | null;
  /** The slice's axes in the columns' own units. */
  axes: { x: { name: string; min: number; max: number }; y: { name: string; min: number; max: number } } | null;
}

/**
 * What every neuron computes over the plane (src/engine/inspect.ts), sent with the boundary while
 * the network view is shown. Columns are the inputs, each hidden layer, then the output; only the
 * first `shown[c]` units of each column are included.
 */
export interface NetworkMaps {
  /** Cells per side of each map: every MAP_STRIDE-th cell of the boundary grid (the maps come from its forward pass). */
  resolution: number;
  /** Units in each column: inputs, each hidden layer, the output. */
  units: number[];
  /** Units included per column: the first min(units, MAX_SHOWN_UNITS). */
  shown: number[];
  /**
   * Each included neuron's activation map, column by column, unit by unit, resolution² cells each
   * (row 0 at the top, as the boundary): inputs as fed to the network, hidden units after their
   * activation, output units after the output activation (probability or value).
   */
  maps: Float32Array;
  /** Per weight layer (into column c + 1): the kernel between included units, shown[c] × shown[c + 1], row-major. */
  weights: Float32Array[];
  /** Per weight layer: the biases of the included units of column c + 1. */
  biases: Float32Array[];
}

/**
 * Training health per layer at one epoch (src/engine/inspect.ts), computed on the device with the
 * epoch metrics a few times a second. Weight-layer arrays run from the first hidden layer to the
 * output; unit counts are per hidden layer.
 */
export interface LayerStatsSample {
  epoch: number;
  /** ‖∂(data loss)/∂W‖ (Frobenius) per weight layer, on the training metric rows. */
  gradNorm: number[];
  /** ‖W‖ (Frobenius) per weight layer. */
  weightNorm: number[];
  /** ‖ΔW‖ / ‖W‖ of the last optimizer step of this epoch, per weight layer; null when not measured (epoch 0). */
  updateRatio: (number | null)[];
  /** Per hidden layer: ReLU units that output 0 on every training row. */
  dead: number[];
  /** Per hidden layer: tanh units beyond |0.95| (sigmoid beyond 0.02 / 0.98) on most training rows. */
  saturated: number[];
}

/** The whole model's weights for the scripting API (`playground.getNetwork()`). */
export interface NetworkWeights {
  /** Weight layers, from the first hidden layer to the output. */
  layers: {
    units: number;
    /** The hidden activation, or the output's ('sigmoid', 'softmax' or 'linear'). */
    activation: string;
    /** weights[i][j]: from unit i of the previous column to unit j of this one. */
    weights: number[][];
    biases: number[];
    /**
     * A hidden layer's batch normalization (after the dense part, before the activation): γ, β,
     * running mean and variance per unit, with the engine's ε and momentum (engine/model.ts).
     */
    batchnorm?: { gamma: number[]; beta: number[]; mean: number[]; variance: number[]; epsilon: number; momentum: number };
  }[];
}

/**
 * What the page shows of an image set (no whole split: a sample to preview), sent at setup.
 * Pixels are 0–255, 784 per image, row by row.
 */
export interface ImageSetView {
  side: number;
  classes: number;
  /** Images per split: training (the `images` setting), validation and test (fixed). */
  counts: { train: number; val: number; test: number };
  /** The first training images (up to 64), for the grid preview and the augmentation preview. */
  sample: { n: number; pixels: Uint8Array; labels: Uint8Array };
  /** Where the images come from, for the Data panel's attribution. */
  source: string;
}

/** One misclassified validation image. */
export interface Misclassified {
  /** Its position among the validation images. */
  index: number;
  /** 784 pixels, 0–255. */
  pixels: Uint8Array;
  label: number;
  predicted: number;
  /** The model's probability of the predicted class. */
  prob: number;
}

/** What an image model shows besides its curves, sent with the views a few times a second. */
export interface ImageViews {
  /** Up to MAX_MISCLASSIFIED misclassified validation images, most confident first. */
  misclassified: Misclassified[];
  /** How many validation images are misclassified in all. */
  wrong: number;
  /** The first conv layer's filters (k × k × channels × filters, as tfjs stores them); null without conv layers. */
  filters: { shape: [number, number, number, number]; data: Float32Array } | null;
}

export const MAX_MISCLASSIFIED = 24;

/** One conv layer's feature maps for one image: h × w × channels, channels last, row by row. */
export interface FeatureMap {
  /** The layer's position in the stack (0-based). */
  layer: number;
  shape: [number, number, number];
  data: Float32Array;
}

export interface MetricsBatch {
  epochs: EpochMetrics[];
  boundary?: BoundaryView;
  /** With the boundary, while the network view is shown. */
  network?: NetworkMaps;
  /** Layer health of some of `epochs` (a few a second), oldest first. */
  layerStats?: LayerStatsSample[];
  /** Tables and image sets, sent with the boundary (image sets: the validation confusion matrix). */
  evaluation?: EvaluationView;
  /** Image sets only, sent with the views. */
  images?: ImageViews;
  /** Set when the loss became NaN or infinite; `epochs` then holds only the finite ones. */
  divergedAt?: number;
  /** Set when early stopping ended the run; `epochs` ends at its stop epoch. */
  earlyStop?: EarlyStop;
  /** The latest augmented training points (2n raw coordinates), while augmentation is on. */
  augmented?: Float32Array;
  numTensors: number;
}

export interface SetupResult {
  points: PointsView;
  batch: MetricsBatch;
  /** Validation loss of a model that ignores the inputs (class frequencies or the mean). */
  baselineLoss: number;
  /** Set for table data sets. */
  table?: TableView;
  /** Set for image sets (`points` is then empty: n = 0). */
  images?: ImageSetView;
  /** With backend 'auto': the backend picked for this model, and why. */
  backend?: BackendInfo;
}

export type RunEnd = 'paused' | 'done' | 'diverged' | 'stopped';

export interface TestResult {
  loss: number;
  accuracy: number | null;
  n: number;
}

/** The weights of a training run and the epoch they belong to, sent to the page now and then during a run. */
export interface TrainerState {
  epoch: number;
  /** The model's variables in order (kernel and bias per layer), as plain copies. */
  weights: Float32Array[];
}

// ---- the worker roles: each worker script serves one, with only its own methods ----

/** What every worker answers, whatever its role. */
export interface WorkerBase {
  /** Answers at once: the page's liveness check while a call is pending (src/client/workerBridge.ts). */
  ping(): Promise<true>;
}

/** What every worker that trains with tfjs answers. */
export interface TfWorkerBase extends WorkerBase {
  /** Starts the backend; with 'auto', `engines` limits which are started and timed (see src/worker/backends.ts). */
  init(backend: BackendKey, engines?: EngineKey[]): Promise<BackendInfo>;
  /** Tensors this worker holds (for leak checks and the benchmark). */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

/** Workers that can train on the uploaded CSV file. */
export interface UploadTaker {
  /** Hands this worker the uploaded file and what to learn from it (data set 'upload'). */
  setUpload(table: Table, task: TableTask): Promise<void>;
}

/** The main run's worker (src/worker/trainingApi.ts). */
export interface TrainingApi extends TfWorkerBase, UploadTaker {
  /**
   * Builds data and a fresh model; `run` numbers the resets so each draws new seeded weights.
   * With backend 'auto', `progress` hears how the timing of a new model shape goes.
   */
  setup(config: ExperimentConfig, run: number, progress?: (p: TimingProgress) => void | Promise<void>): Promise<SetupResult>;
  /** Tables: draws the boundary slice over two other numeric inputs, keeping the model. */
  setSlice(slice: number[]): Promise<{ plot: Float32Array; table: TableView; boundary: BoundaryView; network?: NetworkMaps }>;
  /**
   * A change of live settings only (src/engine/liveSettings.ts), applied by Trainer.update to the
   * running model; 'needs a new run' (and nothing changed) when the change is not live.
   */
  update(config: ExperimentConfig): Promise<'applied' | 'needs a new run'>;
  /**
   * Trains until paused, diverged, or `untilEpoch` (when given) is reached. `snapshot`, when
   * given, hears the weights about once a second, so the page can continue the run on a fresh
   * worker if this one loses its device. Rejects with an error named 'WebGLContextLost' when the
   * WebGL context is lost.
   */
  run(untilEpoch: number | null, sink: (batch: MetricsBatch) => void | Promise<void>, snapshot?: (state: TrainerState) => void): Promise<RunEnd>;
  pause(): Promise<void>;
  step(): Promise<MetricsBatch>;
  evaluateTest(): Promise<TestResult>;
  /**
   * Whether batches carry the network view's neuron maps (only while the page shows it). Turned
   * on while a model is set up and not training, resolves to its views at once (else null).
   */
  inspect(on: boolean): Promise<MetricsBatch | null>;
  /** The whole model's weights and biases. */
  getNetwork(): Promise<NetworkWeights>;
  /**
   * Sets one weight of the running model (layer: 1 = into the first hidden layer, …, the output
   * last; from/to: units), paused or training; the optimizer's state is kept. Resolves to a batch
   * with the new boundary (and maps when inspecting).
   */
  setWeight(layer: number, from: number, to: number, value: number): Promise<MetricsBatch>;
  /** As setWeight, for the bias of unit `unit` of `layer`. */
  setBias(layer: number, unit: number, value: number): Promise<MetricsBatch>;
  /**
   * A standalone PyTorch script that replays the run made with `config` and initial weights `run`
   * for `epochs` epochs (src/export/pytorchScript.ts); `reference`, the page's losses, is printed
   * beside the script's. Rejects with the reason when the run cannot be replayed (augmentation).
   */
  pytorchScript(config: ExperimentConfig, run: number, epochs: number, reference?: EpochMetrics[]): Promise<string>;
  /** Puts weights and epoch counter (from a snapshot) into the model set up last; the optimizer starts afresh. */
  importState(state: TrainerState): Promise<MetricsBatch>;
  /**
   * Image sets: the current model's prediction for one image (784 values 0–1, row by row, as
   * src/data/drawnDigit.ts prepares a drawing). Rejects when the set is not images.
   */
  predictImage(pixels: Float32Array): Promise<{ label: number; probs: number[] }>;
  /** Image sets: each conv layer's feature maps for one image (784 values 0–1); one download. */
  featureMaps(pixels: Float32Array): Promise<FeatureMap[]>;
  /** For the benchmark: epochs per second of our loop or a bare tfjs loop on a fixed task ('cnn': training images per second, the bare loop model.fit), on this worker's backend. */
  benchLoop(task: 'default' | 'large' | 'cnn', loop: 'ours' | 'bare', ms: number): Promise<number>;
  /**
   * Fault injection for tests (like src/components/faults.ts): loses this worker's WebGL context
   * as a GPU reset or a driver update would. Resolves false when the backend is not WebGL.
   */
  diagnosticsLoseContext(): Promise<boolean>;
}

/** The learning-curve and capacity-sweep worker (src/worker/sweepApi.ts). */
/**
 * What a larger reference network reaches on the run's data (src/worker/referenceFit.ts): the
 * epoch of its best validation loss, with that epoch's figures. The diagnosis's yardstick for
 * underfitting through too little capacity.
 */
export interface ReferenceFit {
  /** Hidden units of the reference network, per layer. */
  units: number[];
  /** The epoch of the best validation loss, and how many epochs the fit ran. */
  epoch: number;
  epochs: number;
  trainLoss: number;
  valLoss: number;
  trainAcc: number | null;
  valAcc: number | null;
}

export interface SweepApi extends TfWorkerBase, UploadTaker {
  /** Fits the reference network on `config`'s data (its model settings are ignored); null when cancelled. */
  referenceFit(config: ExperimentConfig): Promise<ReferenceFit | null>;
  /** Trains one model per sweep value. After cancel(), resolves to the points finished so far. */
  sweep(config: ExperimentConfig, kind: SweepKind, epochs: number, progress: (p: SweepProgress) => void | Promise<void>): Promise<SweepPoint[]>;
  cancel(): Promise<void>;
}

/** A hyperparameter-search pool worker (src/worker/searchApi.ts). */
/** A trial's objective at a check epoch (mean over its folds; its index in the worker's specs). */
export interface PruneReport {
  index: number;
  value: number;
}

export interface SearchApi extends TfWorkerBase, UploadTaker {
  /** Scores one hyperparameter-search trial by k-fold cross-validation; null when cancelled. */
  runTrial(spec: TrialSpec): Promise<TrialResult | null>;
  /**
   * Scores several trials at once, batched (trials that share an architecture train as one
   * model); `progress` hears each trial (its index in `specs`) as soon as it is scored. Resolves
   * to every result, null for those not finished when cancelled.
   */
  runTrials(specs: TrialSpec[], progress?: (index: number, result: TrialResult) => void | Promise<void>): Promise<(TrialResult | null)[]>;
  /**
   * As runTrials, stopping bad trials early (src/worker/prunedTrials.ts): trial i reports its
   * objective (mean over folds) at each epoch of `checks[i]` through `decide`, which resolves to
   * the reported trials that stop there (the page decides for the whole search once every worker
   * has reported that epoch); `leaving` names trials that will report no more (trained alone).
   * Results carry `pruned`, `stoppedAt` and `intermediate`.
   */
  runTrialsPruned(
    specs: TrialSpec[],
    checks: number[][],
    decide: (epoch: number, reports: PruneReport[], leaving: number[]) => Promise<number[]>,
    progress?: (index: number, result: TrialResult) => void | Promise<void>,
  ): Promise<(TrialResult | null)[]>;
  /** Stops the trials under way between epochs; their calls resolve (null for unfinished trials). */
  cancel(): Promise<void>;
  /** Starts a searcher in this worker; resolves to the number of trials it will hand out. */
  searchBegin(strategy: Strategy, space: SearchSpace, budget: number, seed: number): Promise<number>;
  /** The next trial of the searcher, or null when it has handed out all. */
  searchNext(): Promise<Trial | null>;
  /** Reports a trial's objective (lower is better) to the searcher. */
  searchObserve(trial: Trial, objective: number, second?: number): Promise<void>;
}

/** The optimizer and learning-rate lab's worker: the race, the finder and the surface paths. */
export interface LabApi extends TfWorkerBase, UploadTaker, RaceApi, LrLabApi {}
