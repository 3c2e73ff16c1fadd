// The experiment config: one object, and one action that validates a change and sets it. The
// controls, scripts (setConfig) and the link all change it through `applyConfig`; the training
// client decides how the change reaches the worker, and urlSync.ts mirrors it in the address bar.
import type { StateCreator } from 'zustand';
import { changedSettings } from '../engine/liveSettings';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { UploadInfo } from '../shared/datasets';
import type { TableView } from '../shared/protocol';
import { applyPatch } from '../shared/schema';
import type { Store } from './store';
import { t } from '../i18n/i18n';

export interface ConfigChange {
  /** The config now in use. */
  config: ExperimentConfig;
  /** The settings the change altered (none when it set what was already there). */
  changed: (keyof ExperimentConfig)[];
}

export interface ConfigSlice {
  config: ExperimentConfig;
  /** The uploaded CSV file's name, problem and classes while one is loaded: the 'upload' data set. */
  upload: UploadInfo | null;
  /**
   * Validates a partial (or whole) config against the current one and sets it. Throws an Error
   * naming every bad setting, and then nothing changes.
   */
  applyConfig: (patch: unknown) => ConfigChange;
  setUpload: (upload: UploadInfo | null) => void;
}

/** Slice positions beyond the loaded table's numeric inputs (the same table, a new slice). */
function checkSlice(table: TableView | null, next: ExperimentConfig, changed: (keyof ExperimentConfig)[]): void {
  if (!table || !changed.includes('slice') || changed.includes('dataset')) return;
  const n = table.numericInputs.length;
  if (next.slice.some((i) => i >= n)) throw new Error(t('schema:sliceBeyond', { name: table.name, n, last: n - 1, slice: next.slice.join(',') }));
}

export const createConfigSlice: StateCreator<Store, [], [], ConfigSlice> = (set, get) => ({
  config: DEFAULT_CONFIG,
  upload: null,
  applyConfig: (patch) => {
    const { config: before, upload, table } = get();
    const next = applyPatch(before, patch, upload);
    const changed = changedSettings(before, next);
    checkSlice(table, next, changed);
    if (changed.length === 0) return { config: before, changed };
    set({ config: next });
    return { config: next, changed };
  },
  setUpload: (upload) => set({ upload }),
});
