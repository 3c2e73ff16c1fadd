// The optimizer race: the current setup trained with several optimizers at once, from the same
// initial weights, data, batch order and seed (src/worker/raceApi.ts). Plain data only.
import { OPTIMIZERS, RANGES, type ExperimentConfig, type OptimizerKey } from './config';

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

/**
 * Checks a request; throws a RangeError saying what is wrong. The page checks before it shows a
 * race (a refused script call changes nothing in the panel); the worker checks again.
 */
export function checkRaceRequest(r: RaceRequest): void {
  if (!Number.isInteger(r.epochs) || r.epochs < 1 || r.epochs > RACE_MAX_EPOCHS) throw new RangeError(`epochs must be a whole number from 1 to ${RACE_MAX_EPOCHS}; got ${r.epochs}`);
  if (!Array.isArray(r.optimizers) || r.optimizers.length === 0) throw new RangeError('choose at least one optimizer');
  for (const k of r.optimizers) if (!OPTIMIZERS.includes(k)) throw new RangeError(`unknown optimizer "${String(k)}" (one of ${OPTIMIZERS.join(', ')})`);
  if (new Set(r.optimizers).size !== r.optimizers.length) throw new RangeError('each optimizer may race once');
  const { min, max } = RANGES.lr;
  for (const [k, lr] of Object.entries(r.lrs ?? {})) {
    if (!(typeof lr === 'number' && Number.isFinite(lr) && lr >= min && lr <= max)) throw new RangeError(`the learning rate of ${k} must be a number from ${min} to ${max}; got ${String(lr)}`);
  }
}
