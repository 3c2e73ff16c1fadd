// The second objective of a two-objective search, per trial: the model's parameter count (its
// config with the trial applied, on the search's data) or its training time (the trial's ms).
// Pure: the caller gives the config and the data's input and output widths.
import type { ExperimentConfig } from '../shared/config';
import { applyTrial } from './applyTrial';
import type { SecondObjective, TrialRecord } from './types';

/** What the parameter count needs besides the trial: the config it is applied to, the data's widths. */
export interface ModelShape {
  config: ExperimentConfig;
  inputs: number;
  outputs: number;
}

/**
 * Weights and biases of a dense network inputs → layers → outputs, plus a batch-normalized
 * layer's scale and shift (2 per unit), as the Model panel counts them.
 */
export function parameterCount(inputs: number, layers: readonly number[], outputs: number, batchnorm: readonly boolean[] = []): number {
  const sizes = [inputs, ...layers, outputs];
  let n = 0;
  for (let i = 1; i < sizes.length; i++) n += sizes[i - 1] * sizes[i] + sizes[i];
  layers.forEach((u, i) => {
    if (batchnorm[i]) n += 2 * u;
  });
  return n;
}

/** A trial's second objective: its model's parameter count, or its training time in ms (NaN where it cannot be had). */
export function secondValue(tr: TrialRecord, which: SecondObjective, shape: ModelShape | null): number {
  if (which === 'time') return Number.isFinite(tr.ms) ? tr.ms : NaN;
  if (!shape) return NaN;
  try {
    const c = applyTrial(shape.config, tr.trial);
    return parameterCount(shape.inputs, c.layers, shape.outputs, c.batchnorm);
  } catch {
    return NaN;
  }
}
