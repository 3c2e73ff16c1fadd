// Turns a search trial into a full experiment config, through the same validation as the URL
// hash and the scripting API.
import type { ExperimentConfig } from '../shared/config';
import { applyPatch } from '../shared/schema';
import { isImages } from '../shared/datasets';
import { applyToStack } from './imageTrial';
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
 * a value is out of range, like `applyPatch`. On image sets, `filters` and `units` are written
 * into the layer stack (applyToStack) and the hidden-layer settings are ignored.
 */
export function applyTrial(config: ExperimentConfig, trial: Trial): ExperimentConfig {
  const patch: Record<string, unknown> = {};
  if (trial.lr !== undefined) patch.lr = trial.lr;
  if (trial.batch !== undefined) patch.batch = trial.batch;
  if (trial.l2 !== undefined) patch.l2 = trial.l2;
  if (trial.optimizer !== undefined) patch.optimizer = trial.optimizer;
  if (trial.momentum !== undefined && isActive('momentum', trial, config)) patch.momentum = trial.momentum;
  if (isImages(config.dataset)) {
    // An image model's size lives in its layer stack: filters and units are written into it;
    // the 2-D sets' hidden-layer settings do not exist here (appliesTo in space.ts).
    const filters = trial.filters !== undefined && isActive('filters', trial, config) ? Number(trial.filters) : undefined;
    const units = trial.units !== undefined && isActive('units', trial, config) ? Number(trial.units) : undefined;
    if (filters !== undefined || units !== undefined) patch.imageLayers = applyToStack(config.imageLayers, filters, units);
    return applyPatch(config, patch);
  }

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
