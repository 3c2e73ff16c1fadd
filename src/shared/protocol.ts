// The plain-data contract between the page and the training worker. Nothing here holds a
// tensor: only numbers, strings and typed arrays (transferred, not copied).
import type { BackendKey, ExperimentConfig } from './config';

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** null for regression. */
  trainAcc: number | null;
  valAcc: number | null;
}

export interface BackendInfo {
  requested: BackendKey;
  active: BackendKey;
  /** Why the active backend differs from the requested one, or '' when it doesn't. */
  note: string;
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

export interface MetricsBatch {
  epochs: EpochMetrics[];
  boundary?: BoundaryView;
  /** Set when the loss became NaN or infinite; `epochs` then holds only the finite ones. */
  divergedAt?: number;
  numTensors: number;
}

export interface SetupResult {
  points: PointsView;
  batch: MetricsBatch;
}

export type RunEnd = 'paused' | 'done' | 'diverged';

export interface TestResult {
  loss: number;
  accuracy: number | null;
  n: number;
}

/** The worker's API as the page sees it (through comlink). */
export interface TrainingWorkerApi {
  init(backend: BackendKey): Promise<BackendInfo>;
  /** Builds data and a fresh model; `run` numbers the resets so each draws new seeded weights. */
  setup(config: ExperimentConfig, run: number): Promise<SetupResult>;
  /** Mid-run changes: learning rate, batch size, loss, optimizer settings. */
  update(config: ExperimentConfig): Promise<void>;
  /** Trains until paused, diverged, or `untilEpoch` (when given) is reached. */
  run(untilEpoch: number | null, sink: (batch: MetricsBatch) => void | Promise<void>): Promise<RunEnd>;
  pause(): Promise<void>;
  step(): Promise<MetricsBatch>;
  evaluateTest(): Promise<TestResult>;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}
