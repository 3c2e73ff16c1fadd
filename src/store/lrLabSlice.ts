// The learning-rate lab slice: the finder's last result with its progress, and the loss
// surface's settings and the paths last drawn for them.
import type { StateCreator } from 'zustand';
import type { FinderResult, SurfaceKey, SurfacePath, SurfaceRequest } from '../shared/lrLab';
import { SURFACES } from '../shared/surfaces';
import type { Store } from './store';

export interface FinderState {
  status: 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'error';
  /** 0..1 */
  progress: number;
  result: FinderResult | null;
  error: string | null;
}

/** What the surface's controls set: a request to the lab worker, at the Training panel's ε. */
export type SurfaceSettings = Omit<SurfaceRequest, 'epsilon'>;

export interface SurfaceState {
  settings: SurfaceSettings;
  /** The paths of the latest answer, and the settings they were drawn for. */
  paths: SurfacePath[];
  pathsFor: SurfaceSettings | null;
  error: string | null;
}

export interface LrLabSlice {
  finder: FinderState;
  setFinder: (patch: Partial<FinderState>) => void;
  surface: SurfaceState;
  /** Changes the surface's settings; picking another surface also takes its start, rate and steps. */
  setSurfaceSettings: (patch: Partial<SurfaceSettings>) => void;
  setSurfacePaths: (patch: Partial<Omit<SurfaceState, 'settings'>>) => void;
}

/** The settings of a surface at its defaults (optimizers and betas kept from `prev`). */
export function surfaceDefaults(surface: SurfaceKey, prev?: SurfaceSettings): SurfaceSettings {
  const s = SURFACES[surface];
  return {
    surface,
    start: [...s.start],
    steps: s.steps,
    lr: s.lr,
    optimizers: prev?.optimizers ?? ['sgd', 'momentum', 'adam'],
    momentum: prev?.momentum ?? 0.9,
    beta1: prev?.beta1 ?? 0.9,
    beta2: prev?.beta2 ?? 0.999,
  };
}

export const createLrLabSlice: StateCreator<Store, [], [], LrLabSlice> = (set) => ({
  finder: { status: 'idle', progress: 0, result: null, error: null },
  setFinder: (patch) => set((s) => ({ finder: { ...s.finder, ...patch } })),
  surface: { settings: surfaceDefaults('valley'), paths: [], pathsFor: null, error: null },
  setSurfaceSettings: (patch) =>
    set((s) => {
      const prev = s.surface.settings;
      const base = patch.surface && patch.surface !== prev.surface ? surfaceDefaults(patch.surface, prev) : prev;
      return { surface: { ...s.surface, settings: { ...base, ...patch } } };
    }),
  setSurfacePaths: (patch) => set((s) => ({ surface: { ...s.surface, ...patch } })),
});
