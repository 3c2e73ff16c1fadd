// The race slice: the optimizer race's settings (which optimizers, their rates, epochs, target
// loss) and the race last run, with its progress (src/client/raceClient.ts fills it in).
import type { StateCreator } from 'zustand';
import { OPTIMIZERS, type ExperimentConfig, type OptimizerKey } from '../shared/config';
import type { RaceAloneReason, RaceEntry } from '../shared/race';
import type { Store } from './store';

export interface RaceState {
  status: 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'error';
  /** Which optimizers the panel has ticked. */
  chosen: Record<OptimizerKey, boolean>;
  /** Rates the user typed; a missing one uses the default (raceLogic.ts defaultRates). */
  lrs: Partial<Record<OptimizerKey, number>>;
  epochs: number;
  /** Training loss to reach (the table's "epochs to target"); null: none. */
  target: number | null;
  /** 0..1 */
  progress: number;
  epochsDone: number;
  entries: RaceEntry[];
  /** The config the race trained (its legend's β, ε…). */
  config: ExperimentConfig | null;
  batched: boolean | null;
  aloneReason: RaceAloneReason | null;
  backend: string | null;
  error: string | null;
}

export interface RaceSlice {
  race: RaceState;
  setRace: (patch: Partial<RaceState>) => void;
}

export const createRaceSlice: StateCreator<Store, [], [], RaceSlice> = (set) => ({
  race: {
    status: 'idle',
    chosen: Object.fromEntries(OPTIMIZERS.map((k) => [k, true])) as Record<OptimizerKey, boolean>,
    lrs: {},
    epochs: 100,
    target: 0.2,
    progress: 0,
    epochsDone: 0,
    entries: [],
    config: null,
    batched: null,
    aloneReason: null,
    backend: null,
    error: null,
  },
  setRace: (patch) => set((s) => ({ race: { ...s.race, ...patch } })),
});
