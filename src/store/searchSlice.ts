// The search slice: the hyperparameter search being run or last run, trial by trial.
import type { StateCreator } from 'zustand';
import type { RaceRow, SearchSpec, TrialRecord } from '../search/types';
import type { Store } from './store';

export interface SearchState {
  status: 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'error';
  spec: SearchSpec | null;
  trials: TrialRecord[];
  total: number;
  startedAt: number;
  /** When the last trial finished (performance.now()), for the time-remaining estimate. */
  updatedAt: number;
  finishedAt: number | null;
  error: string | null;
  /** The last race of the four strategies, filled in as each finishes. */
  race: RaceRow[] | null;
}

export interface SearchSlice {
  search: SearchState;
  setSearch: (patch: Partial<SearchState>) => void;
}

export const createSearchSlice: StateCreator<Store, [], [], SearchSlice> = (set) => ({
  search: { status: 'idle', spec: null, trials: [], total: 0, startedAt: 0, updatedAt: 0, finishedAt: null, error: null, race: null },
  setSearch: (patch) => set((s) => ({ search: { ...s.search, ...patch } })),
});
