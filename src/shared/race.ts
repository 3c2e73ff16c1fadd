// The optimizer race: the current setup trained with several optimizers at once, from the same
// initial weights, data, batch order and seed (src/worker/raceApi.ts). Plain data only.
import type { ExperimentConfig, OptimizerKey } from './config';

export interface RaceRequest {
  config: ExperimentConfig;
  /** Which optimizers race (at least one, no repeats), in the order shown. */
  optimizers: OptimizerKey[];
  /** Each one's learning rate (the base rate the config's schedule scales); a missing one uses config.lr. */
  lrs: Partial<Record<OptimizerKey, number>>;
  epochs: number;
}

/** Most epochs a race may ask for. */
export const RACE_MAX_EPOCHS = 5000;

export interface RaceEntry {
  optimizer: OptimizerKey;
  lr: number;
  /** Per epoch from 0 (the initial weights) to the last trained. */
  trainLoss: number[];
  valLoss: number[];
  /** Wall time of the race until this entry's last epoch, ms (the entries train together). */
  wallMs: number;
}

export interface RaceProgress {
  epochsDone: number;
  epochs: number;
  entries: RaceEntry[];
}

/** Why the optimizers could not train as one batched model. */
export type RaceAloneReason = 'batchnorm' | 'clip' | 'setup';

export interface RaceResult {
  entries: RaceEntry[];
  /** True when the optimizers trained as one batched model; false: one after another, and why. */
  batched: boolean;
  /** Plain words (English) when not batched, e.g. "batch norm: the optimizers trained one after another". */
  alone: string | null;
  /** The same reason as a key, for the page to say in its language. */
  aloneReason: RaceAloneReason | null;
  cancelled: boolean;
  /** The backend the race trained on. */
  backend: string;
}

export interface RaceApi {
  /** Trains the race; after cancelRace(), resolves with the epochs trained so far. */
  race(request: RaceRequest, progress: (p: RaceProgress) => void | Promise<void>): Promise<RaceResult>;
  cancelRace(): Promise<void>;
  /** For the bench: ms for one Trainer of `config` (its own optimizer) to train `epochs` epochs here. */
  timeOneRun(config: ExperimentConfig, epochs: number): Promise<number>;
}
