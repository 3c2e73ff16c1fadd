// Turns a search trial into a full experiment config, through the same validation as the URL
// hash and the scripting API.
import type { ExperimentConfig } from '../shared/config';
import { applyPatch } from '../shared/schema';
import { isActive } from './space';
import type { Trial } from './types';

/** Units of new hidden layers when neither the trial nor the config says. */
const DEFAULT_UNITS = 8;

/**
 * The config with the trial's values: lr, batch, l2 (one global λ), optimizer, momentum (β, only
 * when the resulting optimizer is 'momentum'), activation (every hidden layer), layers (that many
 * hidden layers), units and units2, and dropout (the same rate on every hidden layer).
 * Layer sizes: `units` sizes every hidden layer, unless units2 exists for the trial (2 or more
 * layers), when `units` sizes layer 1 and `units2` layers 2, 3, …; a layer the trial does not size
 * takes the config's first layer's units, else 8. A setting that does not exist for the trial
 * (isActive) is ignored. Per-layer lists stay as long as the layers. Throws (naming the field) if
 * a value is out of range, like `applyPatch`.
 */
export function applyTrial(config: ExperimentConfig, trial: Trial): ExperimentConfig {
  const patch: Record<string, unknown> = {};
  if (trial.lr !== undefined) patch.lr = trial.lr;
  if (trial.batch !== undefined) patch.batch = trial.batch;
  if (trial.l2 !== undefined) patch.l2 = trial.l2;
  if (trial.optimizer !== undefined) patch.optimizer = trial.optimizer;
  if (trial.momentum !== undefined && isActive('momentum', trial, config)) patch.momentum = trial.momentum;

  const count = trial.layers !== undefined ? Number(trial.layers) : config.layers.length;
  if (!Number.isInteger(count) || count < 0) throw new Error(`layers: must be a whole number of hidden layers (got ${trial.layers})`);
  const units2 = trial.units2 !== undefined && isActive('units2', trial, config) ? Number(trial.units2) : undefined;
  if (trial.layers !== undefined || trial.units !== undefined || units2 !== undefined) {
    const units = trial.units !== undefined ? Number(trial.units) : (config.layers[0] ?? DEFAULT_UNITS);
    patch.layers = Array.from({ length: count }, (_, i) => (i > 0 && units2 !== undefined ? units2 : units));
  }
  if (trial.activation !== undefined) patch.activations = Array.from({ length: count }, () => trial.activation);
  if (trial.dropout !== undefined) patch.dropout = Array.from({ length: count }, () => trial.dropout);
  return applyPatch(config, patch);
}
