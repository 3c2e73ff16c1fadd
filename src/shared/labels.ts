// The settings' display names and the data sets' and presets' texts in the interface's language,
// for the page (the English tables in config.ts, datasets.ts and presets.ts stay for the workers,
// scripts and other code). Importing this module also hands the schema's messages to i18next.
import { t, i18n } from '../i18n/i18n';
import type { Activation, BackendKey, Initializer, LossKey, OptimizerKey, RangeKey } from './config';
import { datasetInfo, type DatasetKey, type PointsKey, type Problem, type UploadInfo } from './datasets';
import { isBuiltinTableKey } from './builtinTables';
import { setSchemaText } from './schema';

setSchemaText((key, params) => i18n.t(`schema:${key}` as never, params ?? {}) as unknown as string);

export const lossLabel = (k: LossKey): string => t(`training:losses.${k}`);
export const optimizerLabel = (k: OptimizerKey): string => t(`training:optimizers.${k}`);
export const backendLabel = (k: BackendKey): string => t(`training:backends.${k}`);
export const initializerLabel = (k: Initializer): string => t(`model:initializers.${k}`);
export const activationLabel = (k: Activation | 'softmax'): string => t(`model:activations.${k}`);
export const problemLabel = (k: Problem): string => t(`data:problems.${k}`);
export const rangeLabel = (k: RangeKey): string => t(`schema:ranges.${k}`);

/** A data set's name: the uploaded file keeps its own name; a shipped table says it is one. */
export function datasetLabel(key: DatasetKey, upload: UploadInfo | null = null): string {
  if (key === 'upload' && upload) return upload.label;
  const label = t(`data:sets.${key}.label`);
  return isBuiltinTableKey(key) ? t('data:table', { label }) : label;
}

/** The one sentence on what a data set teaches. */
export function datasetHint(key: DatasetKey, upload: UploadInfo | null = null): string {
  if (key === 'upload' && upload) return t('data:uploadHint');
  return t(`data:sets.${key}.hint`);
}

/** The label-preserving symmetry a generated set is augmented with. */
export function symmetryLabel(k: PointsKey, english: string): string {
  if (!i18n.exists(`regularization:symmetries.${k}`)) return english;
  return t(`regularization:symmetries.${k as 'circle'}`);
}

type PresetKey = 'overfit' | 'underfit' | 'fix-l2' | 'fix-dropout' | 'fix-early-stopping' | 'fix-more-data' | 'vanishing' | 'vanishing-fixed';
const hasPreset = (k: string): k is PresetKey => i18n.exists(`shared:presets.${k}.label`);

/** A preset's button label and what to watch; a preset without a translation keeps its English. */
export const presetLabel = (p: { key: string; label: string }): string => (hasPreset(p.key) ? t(`shared:presets.${p.key}.label`) : p.label);
export const presetWatch = (p: { key: string; watch: string }): string => (hasPreset(p.key) ? t(`shared:presets.${p.key}.watch`) : p.watch);

// datasetInfo stays the source of a set's problem and classes.
export { datasetInfo };
