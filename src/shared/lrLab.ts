// The learning-rate finder and the loss-surface paths (src/worker/lrLabApi.ts). Plain data only.
import type { ExperimentConfig, OptimizerKey } from './config';

export interface FinderRequest {
  config: ExperimentConfig;
  /** The range test's first and last rate (default 1e-6 and 10). */
  minLr?: number;
  maxLr?: number;
  /** Steps (mini-batches) from minLr to maxLr (default 100). */
  steps?: number;
}

export interface FinderResult {
  /** The rate of each step taken, and the smoothed training loss after it. */
  lrs: number[];
  losses: number[];
  /** The suggested rate (a tenth of the rate at the lowest smoothed loss; see engine/lrFinder.ts); null when the loss never fell. */
  suggested: number | null;
  /** Where the smoothed loss falls fastest against log(lr), before its lowest point. */
  steepest: number | null;
  /** The rate at the lowest smoothed loss. */
  minimum: number | null;
  /** The test stopped before maxLr because the loss blew up. */
  stoppedEarly: boolean;
  /** Cancel stopped it (the curve so far is kept). */
  cancelled?: boolean;
}

/** Two-parameter surfaces to watch optimizers on. */
export const SURFACE_KEYS = ['valley', 'rosenbrock', 'logistic'] as const;
export type SurfaceKey = (typeof SURFACE_KEYS)[number];

export interface SurfaceRequest {
  surface: SurfaceKey;
  /** The start point (both parameters). */
  start: [number, number];
  steps: number;
  optimizers: OptimizerKey[];
  lr: number;
  momentum: number;
  beta1: number;
  beta2: number;
  /** Adam's and RMSprop's ε (default 1e-7, as the Training panel's). */
  epsilon?: number;
}

export interface SurfacePath {
  optimizer: OptimizerKey;
  /** x₀, y₀, x₁, y₁, …: the start and each step's point. */
  points: number[];
  /** The surface's value at each point. */
  values: number[];
  /** The first step whose point lies within the surface's radius of the minimum; null if none did. */
  reached: number | null;
  /** The path was cut short: it left the plot far behind or went non-finite. */
  escaped: boolean;
}

export interface LrLabApi {
  /** The range test on a copy of `config`'s model from its seeded initial weights; cancelFinder() stops it. */
  findLearningRate(request: FinderRequest, progress?: (done: number, total: number) => void | Promise<void>): Promise<FinderResult>;
  cancelFinder(): Promise<void>;
  /** Each optimizer's path on the surface, with tfjs's own optimizers. */
  surfacePaths(request: SurfaceRequest): Promise<SurfacePath[]>;
}
