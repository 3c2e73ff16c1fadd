// The architecture edits shared by the Model panel, the Data panel and the network diagram, as
// pure functions from the config to a patch, so every control changes the model the same way.
import { t } from '../i18n/i18n';
import { FEATURES, MAX_LAYERS, RANGES, type Activation, type ExperimentConfig, type FeatureKey } from '../shared/config';

/** batchnorm optional: edits of an architecture without it (older callers) leave it to the schema's padding. */
type Arch = Pick<ExperimentConfig, 'layers' | 'activations' | 'dropout'> & { batchnorm?: readonly boolean[] };
export type ArchPatch = Partial<Pick<ExperimentConfig, 'layers' | 'activations' | 'dropout' | 'batchnorm'>>;

/** Batch norm per hidden layer, a missing entry (an older config) off. */
const batchnormOf = (c: Arch): boolean[] => c.layers.map((_, j) => c.batchnorm?.[j] ?? false);

/** A new last hidden layer like the current last one (4 tanh units for a linear model); null at MAX_LAYERS. */
export function addLayer(c: Arch): ArchPatch | null {
  if (c.layers.length >= MAX_LAYERS) return null;
  return {
    layers: [...c.layers, c.layers.at(-1) ?? 4],
    activations: [...c.activations, c.activations.at(-1) ?? 'tanh'],
    dropout: [...c.dropout, 0],
    ...(c.batchnorm ? { batchnorm: [...batchnormOf(c), batchnormOf(c).at(-1) ?? false] } : {}),
  };
}

/** Hidden layer `i` removed, with its activation and dropout rate. */
export function removeLayer(c: Arch, i: number): ArchPatch {
  return {
    layers: c.layers.filter((_, j) => j !== i),
    activations: c.activations.filter((_, j) => j !== i),
    dropout: c.dropout.filter((_, j) => j !== i),
    // Each remaining layer keeps its own switch (the schema's padding would keep positions instead).
    ...(c.batchnorm ? { batchnorm: batchnormOf(c).filter((_, j) => j !== i) } : {}),
  };
}

/** Hidden layer `i` with `units` units, kept within RANGES.units; null when that changes nothing. */
export function setLayerUnits(c: Arch, i: number, units: number): ArchPatch | null {
  const u = Math.round(Math.min(RANGES.units.max, Math.max(RANGES.units.min, units)));
  if (c.layers[i] === undefined || c.layers[i] === u) return null;
  return { layers: c.layers.map((x, j) => (j === i ? u : x)) };
}

export function setLayerActivation(c: Arch, i: number, a: Activation): ArchPatch {
  return { activations: c.activations.map((x, j) => (j === i ? a : x)) };
}

/** Dropout of hidden layer `i`; a rate missing for another layer (an older config) becomes 0. */
export function setLayerDropout(c: Arch, i: number, rate: number): ArchPatch {
  return { dropout: c.layers.map((_, j) => (j === i ? rate : (c.dropout[j] ?? 0))) };
}

/** Batch normalization of hidden layer `i` on or off (a new run: it changes the model). */
export function setLayerBatchnorm(c: Arch, i: number, on: boolean): ArchPatch {
  return { batchnorm: batchnormOf(c).map((b, j) => (j === i ? on : b)) };
}

/**
 * The features with `f` turned on (appended: the model's existing inputs keep their units) or off;
 * an error instead when that would leave none.
 */
export function toggleFeature(features: readonly FeatureKey[], f: FeatureKey, on: boolean): { features: FeatureKey[] } | { error: string } {
  if (!FEATURES.includes(f)) return { error: t('model:errors.unknownFeature', { feature: f }) };
  const next = on ? (features.includes(f) ? [...features] : [...features, f]) : features.filter((x) => x !== f);
  if (next.length === 0) return { error: t('model:errors.oneFeature') };
  return { features: next };
}
