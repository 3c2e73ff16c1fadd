// The four slices that hold the experiment config: data, model, optimizer and regularization.
// `selectConfig` joins them into one ExperimentConfig; `splitConfig` is its inverse.
import type { StateCreator } from 'zustand';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { Store } from './store';

export type DataSettings = Pick<ExperimentConfig, 'dataset' | 'problem' | 'samples' | 'noise' | 'seed' | 'trainPct' | 'valPct' | 'features' | 'slice'>;
export type ModelSettings = Pick<ExperimentConfig, 'layers' | 'activations' | 'init'>;
export type OptimizerSettings = Pick<ExperimentConfig, 'loss' | 'optimizer' | 'lr' | 'batch' | 'momentum' | 'beta1' | 'beta2' | 'epsilon' | 'backend'>;
export type RegularizationSettings = Pick<ExperimentConfig, 'l1' | 'l2' | 'dropout' | 'augment' | 'patience' | 'minDelta' | 'restoreBest'>;

export function splitConfig(c: ExperimentConfig): {
  data: DataSettings;
  model: ModelSettings;
  optimizer: OptimizerSettings;
  regularization: RegularizationSettings;
} {
  const { dataset, problem, samples, noise, seed, trainPct, valPct, features, slice, layers, activations, init } = c;
  const { l1, l2, dropout, augment, patience, minDelta, restoreBest } = c;
  const { loss, optimizer, lr, batch, momentum, beta1, beta2, epsilon, backend } = c;
  return {
    data: { dataset, problem, samples, noise, seed, trainPct, valPct, features, slice },
    model: { layers, activations, init },
    optimizer: { loss, optimizer, lr, batch, momentum, beta1, beta2, epsilon, backend },
    regularization: { l1, l2, dropout, augment, patience, minDelta, restoreBest },
  };
}

export function selectConfig(s: Pick<Store, 'data' | 'model' | 'optimizer' | 'regularization'>): ExperimentConfig {
  return { ...s.data, ...s.model, ...s.optimizer, ...s.regularization };
}

export interface DataSlice {
  data: DataSettings;
}
export interface ModelSlice {
  model: ModelSettings;
}
export interface OptimizerSlice {
  optimizer: OptimizerSettings;
}
export interface RegularizationSlice {
  regularization: RegularizationSettings;
}
export interface ConfigActions {
  /** Replaces the whole config (already validated). */
  setConfigState: (c: ExperimentConfig) => void;
}

const initial = splitConfig(DEFAULT_CONFIG);

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = () => ({ data: initial.data });
export const createModelSlice: StateCreator<Store, [], [], ModelSlice> = () => ({ model: initial.model });
export const createRegularizationSlice: StateCreator<Store, [], [], RegularizationSlice> = () => ({ regularization: initial.regularization });
export const createOptimizerSlice: StateCreator<Store, [], [], OptimizerSlice & ConfigActions> = (set) => ({
  optimizer: initial.optimizer,
  setConfigState: (c) => set(splitConfig(c)),
});
