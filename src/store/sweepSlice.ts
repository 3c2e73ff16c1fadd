// The sweep slice: the learning curve or capacity sweep last run, with its progress.
import type { StateCreator } from 'zustand';
import type { ExperimentConfig } from '../shared/config';
import type { SweepKind, SweepPoint } from '../shared/sweep';
import type { Store } from './store';

export interface SweepState {
  kind: SweepKind;
  status: 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'error';
  epochs: number;
  /** 0..1 */
  progress: number;
  points: SweepPoint[];
  config: ExperimentConfig | null;
  error: string | null;
}

export interface SweepSlice {
  sweep: SweepState;
  setSweep: (patch: Partial<SweepState>) => void;
}

export const createSweepSlice: StateCreator<Store, [], [], SweepSlice> = (set) => ({
  sweep: { kind: 'size', status: 'idle', epochs: 200, progress: 0, points: [], config: null, error: null },
  setSweep: (patch) => set((s) => ({ sweep: { ...s.sweep, ...patch } })),
});
