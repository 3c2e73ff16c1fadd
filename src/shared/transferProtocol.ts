// The plain-data contract of transfer learning between the page and its worker: settings,
// pretrained bases (their description; weights stay in the worker), progress and results.
import type { Activation, OptimizerKey } from './config';
import type { EpochMetrics, TfWorkerBase } from './protocol';

/** The three ways of training on the target that the comparison sets side by side. */
export const TRANSFER_METHODS = ['scratch', 'frozen', 'finetune'] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

export const METHOD_LABELS: Record<TransferMethod, string> = {
  scratch: 'from scratch',
  frozen: 'frozen base + new head',
  finetune: 'fine-tune all',
};

export interface TransferSettings {
  /** Hidden layers of the base (units each) and their activations. */
  layers: number[];
  activations: Activation[];
  optimizer: OptimizerKey;
  /** Learning rate of pretraining, scratch and frozen-base training. */
  lr: number;
  /** Fine-tuning all layers uses lr × lrFactor. */
  lrFactor: number;
  batch: number;
  seed: number;
  /** Epochs of pretraining on the source. */
  pretrainEpochs: number;
  /** Epochs each method trains on the target. */
  epochs: number;
  /** Training examples of the target task. */
  nTarget: number;
  /** The validation loss a method must reach; the table reports the first epoch it did. */
  targetLoss: number;
  /** Per hidden layer of the base: keep it fixed in the "frozen" method. */
  frozen: boolean[];
}

export const DEFAULT_TRANSFER_SETTINGS: TransferSettings = {
  layers: [32, 32],
  activations: ['relu', 'relu'],
  optimizer: 'momentum',
  lr: 0.01,
  lrFactor: 0.3,
  batch: 10,
  seed: 1,
  pretrainEpochs: 30,
  epochs: 100,
  nTarget: 30,
  targetLoss: 0.2,
  frozen: [true, true],
};

/** Limits of the transfer controls, inclusive. */
export const TRANSFER_RANGES = {
  nTarget: { min: 10, max: 500 },
  epochs: { min: 10, max: 1000 },
  pretrainEpochs: { min: 5, max: 500 },
  targetLoss: { min: 0.001, max: 5 },
  lrFactor: { min: 0.001, max: 1 },
  lr: { min: 1e-5, max: 10 },
  seed: { min: 0, max: 2147483647 },
} as const;

/** Source validation accuracy a base needs for the "good source performance" check. */
export const GOOD_SOURCE_ACCURACY = 0.9;

/** Everything about a pretrained base except its weights. */
export interface BaseInfo {
  /** Its name in the browser's storage (unique per saved base). */
  name: string;
  /** The source task's key and label. */
  source: string;
  sourceLabel: string;
  domain: string;
  inputNames: string[];
  classNames: string[];
  /** Hidden layers (units each) and activations; the base's own head sits on top. */
  layers: number[];
  activations: Activation[];
  seed: number;
  epochs: number;
  sourceTrain: number;
  sourceValLoss: number;
  sourceValAcc: number;
  /** The input statistics of a table source, reused to encode its targets. */
  stats?: unknown;
  createdAt: string;
}

export interface PretrainProgress {
  epoch: number;
  epochs: number;
  valLoss: number;
  valAcc: number | null;
}

export interface TransferProgress {
  method: TransferMethod;
  /** Epochs done over all three methods, of `total`. */
  done: number;
  total: number;
  /** The curves finished so far, and the one under way. */
  curves: Partial<Record<TransferMethod, EpochMetrics[]>>;
}

export interface MethodResult {
  method: TransferMethod;
  /** The learning rate it trained with. */
  lr: number;
  /** Hidden layers that stayed frozen (1-based). */
  frozenLayers: number[];
  curve: EpochMetrics[];
  finalValLoss: number;
  finalValAcc: number | null;
  /** First epoch whose validation loss was at or below the target loss; null if none. */
  epochsToTarget: number | null;
}

export interface TransferResult {
  source: string;
  target: string;
  nTarget: number;
  nVal: number;
  seed: number;
  targetLoss: number;
  /** Outputs of the new head. */
  headOutputs: number;
  methods: MethodResult[];
}

/** A base as a tfjs model file pair (model.json and weights.bin). */
export interface ModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
  /** Suggested file names when downloading (tfjs's `<stem>.json`, `<stem>.weights.bin`). */
  jsonName?: string;
  weightsName?: string;
}

/** The transfer-learning worker (src/worker/transferApi.ts). */
export interface TransferApi extends TfWorkerBase {
  /** Pretrains a base on a source task; it becomes the worker's current base. Null when cancelled. */
  transferPretrain(source: string, settings: TransferSettings, progress: (p: PretrainProgress) => void | Promise<void>): Promise<BaseInfo | null>;
  /** Compares the three methods on the target with the current base. Null when cancelled. */
  transferCompare(target: string, settings: TransferSettings, progress: (p: TransferProgress) => void | Promise<void>): Promise<TransferResult | null>;
  /** Stops a running pretraining or comparison between epochs. */
  transferCancel(): Promise<void>;
  /** The current base's description, or null. */
  transferCurrent(): Promise<BaseInfo | null>;
  /** Keeps the current base in the browser's IndexedDB. */
  transferSave(): Promise<BaseInfo>;
  /** Makes a saved base the current one. */
  transferLoad(name: string): Promise<BaseInfo>;
  transferList(): Promise<BaseInfo[]>;
  transferDelete(name: string): Promise<void>;
  /** The current base as model.json + weights.bin. */
  transferExport(): Promise<ModelFiles>;
  /** Reads a model.json + weights.bin pair; on success it becomes the current base. */
  transferImport(files: ModelFiles): Promise<BaseInfo>;
}
