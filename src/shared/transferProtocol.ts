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
  /** The image tasks' own settings (digits 0–4 → 5–9); the seed is shared. */
  image: ImageTransferSettings;
}

/**
 * Transfer on images: a CNN base (its layer stack, in src/shared/imageStack.ts's text) pretrained
 * on digits 0–4 with Adam, then a new 5-way softmax head for digits 5–9. All of the base's layers
 * stay fixed in the frozen method; fine-tuning trains everything at lr × lrFactor.
 */
export interface ImageTransferSettings {
  /** The base's layers (conv, pool, flatten, dense, dropout), without the head. */
  stack: string;
  /** Training images of the source (balanced over its digits). */
  sourceImages: number;
  pretrainEpochs: number;
  /** Epochs each method trains on the target. */
  epochs: number;
  /** Target training images (balanced over digits 5–9). */
  nTarget: number;
  /** The validation accuracy a method must reach; the table reports the first epoch it did. */
  targetAcc: number;
  lr: number;
  lrFactor: number;
  batch: number;
}

/**
 * The default image base: SMALL_CNN's two conv + pool blocks and flatten, without its dense layer
 * (a dense layer trained on 0–4 sorts features for those digits only: frozen, it hurts 5–9), at
 * twice the filters, whose features carry over better to new digits.
 */
export const DEFAULT_IMAGE_BASE = 'conv:16:3,pool:2,conv:32:3,pool:2,flatten';

export const DEFAULT_IMAGE_TRANSFER: ImageTransferSettings = {
  stack: DEFAULT_IMAGE_BASE,
  sourceImages: 2000,
  pretrainEpochs: 2,
  epochs: 20,
  nTarget: 30,
  targetAcc: 0.6,
  lr: 0.01,
  lrFactor: 0.1,
  batch: 32,
};

/** Limits of the image transfer controls, inclusive. */
export const IMAGE_TRANSFER_RANGES = {
  sourceImages: { min: 500, max: 4000 },
  pretrainEpochs: { min: 1, max: 20 },
  epochs: { min: 5, max: 200 },
  nTarget: { min: 10, max: 1000 },
  targetAcc: { min: 0.3, max: 0.99 },
  lr: { min: 1e-5, max: 1 },
  lrFactor: { min: 0.001, max: 1 },
  batch: { min: 1, max: 256 },
} as const;

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
  image: { ...DEFAULT_IMAGE_TRANSFER },
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
  /** Set for an image base (a CNN): its layer stack (without the head) and input shape; `layers` and `activations` are then empty. */
  image?: { stack: string; input: [number, number, number] };
  createdAt: string;
}

export interface PretrainProgress {
  epoch: number;
  epochs: number;
  valLoss: number;
  valAcc: number | null;
  /** 0–1 of the whole pretraining, reported within epochs too (image bases). */
  fraction?: number;
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
  /** First epoch whose validation loss was at or below the target loss (images: accuracy at or above the target accuracy); null if none. */
  epochsToTarget: number | null;
}

export interface TransferResult {
  source: string;
  target: string;
  nTarget: number;
  nVal: number;
  seed: number;
  targetLoss: number;
  /** Image tasks: the target is a validation accuracy (targetAcc), not a loss. */
  targetAcc?: number;
  /** Outputs of the new head. */
  headOutputs: number;
  methods: MethodResult[];
}

/** What a base reads: images (a CNN) or rows of numbers (2-D points and tables). */
export type BaseKind = 'image' | 'points';

export function baseKind(info: Pick<BaseInfo, 'image'>): BaseKind {
  return info.image ? 'image' : 'points';
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
  /** Makes a saved base the current one; with `kind`, refuses (with the reason) a base of the other kind. */
  transferLoad(name: string, kind?: BaseKind): Promise<BaseInfo>;
  transferList(): Promise<BaseInfo[]>;
  transferDelete(name: string): Promise<void>;
  /** The current base as model.json + weights.bin. */
  transferExport(): Promise<ModelFiles>;
  /** Reads a model.json + weights.bin pair; on success it becomes the current base (with `kind`, only a base of that kind). */
  transferImport(files: ModelFiles, kind?: BaseKind): Promise<BaseInfo>;
}
