// `playground.exportSearch(format)` and the search panel's export: the last search as JSON (the
// spec and its trials), as the trials CSV (the same columns the exported Optuna script writes, so
// either imports back), or as the PyTorch + Optuna script for the search on the current config.
import { t } from '../i18n/i18n';
import Papa from 'papaparse';
import { useStore } from '../store/store';
import { spaceKeys } from '../search/space';
import type { SearchSpec, TrialRecord } from '../search/types';
import { optunaScript, searchRows } from '../export/optunaScript';
import { loadSource, tableSource } from '../worker/dataSource';
import type { ExperimentConfig } from '../shared/config';
import { currentUpload } from './uploads';
import { secondValue, type ModelShape } from '../search/objectives';
import { modelShape } from './modelShape';
import { isImages } from '../shared/datasets';

export type SearchExportFormat = 'json' | 'csv' | 'optuna';

/**
 * The trials as CSV: number, the searched parameters, value (the mean objective), std, folds,
 * duration_ms (the same columns the exported Optuna script writes, so either imports back), then
 * pruned (true/false), stopped_at (the last trained epoch, empty where not recorded) and, for a
 * search whose second objective is the parameter count, params (the time is duration_ms).
 */
export function trialsCsv(spec: Pick<SearchSpec, 'space' | 'objectives'>, trials: readonly TrialRecord[], shape: ModelShape | null = null): string {
  const keys = spaceKeys(spec.space);
  const num = (v: number) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));
  const params = spec.objectives?.[1] === 'params';
  return Papa.unparse({
    fields: ['number', ...keys, 'value', 'std', 'folds', 'duration_ms', 'pruned', 'stopped_at', ...(params ? ['params'] : [])],
    data: [...trials]
      .sort((a, b) => a.index - b.index)
      .map((t) => [
        t.index,
        ...keys.map((k) => t.trial[k] ?? ''),
        num(t.mean),
        num(t.std),
        t.folds.map(num).join(';'),
        Math.round(t.ms * 10) / 10,
        t.pruned ? 'true' : 'false',
        t.stoppedAt ?? '',
        ...(params ? [num(secondValue(t, 'params', shape))] : []),
      ]),
  });
}

function lastSearch(): { spec: SearchSpec; trials: TrialRecord[] } {
  const s = useStore.getState().search;
  if (!s.spec || s.status === 'running' || s.status === 'cancelling') throw new Error(s.spec ? t('export:searchRunning') : t('export:noSearch'));
  return { spec: s.spec, trials: s.trials };
}

/** The script for a search spec on a config (the rows loaded as the search's own workers load them). */
export async function searchScript(spec: SearchSpec, config: ExperimentConfig): Promise<string> {
  const c = spec.patience !== undefined ? { ...config, patience: spec.patience } : config;
  if (isImages(c.dataset)) throw new Error(t('export:searchImages'));
  if (c.batchnorm.some(Boolean)) throw new Error(t('export:searchBatchnorm'));
  const upload = currentUpload();
  const src = c.dataset === 'upload' && upload ? tableSource(c, upload.table, upload.task) : await loadSource(c);
  return optunaScript({ config: c, spec, rows: searchRows(src, c.seed, spec.folds) });
}

export async function exportSearch(format: SearchExportFormat): Promise<string> {
  if (format !== 'json' && format !== 'csv' && format !== 'optuna') throw new Error(`exportSearch: format must be json, csv or optuna (got ${String(format)})`);
  const { spec, trials } = lastSearch();
  if (format === 'json') return JSON.stringify({ spec, trials }, null, 2);
  if (format === 'csv') return trialsCsv(spec, trials, modelShape());
  return searchScript(spec, useStore.getState().config);
}
