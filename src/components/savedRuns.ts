// The saved-runs table's logic: the fields a run can be sorted and filtered by (every setting and
// every metric), sorting, filtering, and the side-by-side comparison with its differences. Pure,
// unit-tested; SavedRunsPanel.tsx draws it.
import type { ExperimentConfig } from '../shared/config';
import { FIELDS, augmentToText } from '../shared/schema';
import type { SavedRun } from '../storage/records';
import { differences } from './runLabels';

export interface RunField {
  key: string;
  label: string;
  /** A number (sorted numerically) or text; null when the run has none. */
  value: (r: SavedRun) => number | string | null;
}

function settingText(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.join(',') : '–';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'object' && v !== null) return augmentToText(v as ExperimentConfig['augment']);
  return String(v);
}

export function settingValue(c: ExperimentConfig, key: keyof ExperimentConfig): number | string {
  const v = c[key];
  return typeof v === 'number' ? v : settingText(v);
}

export const METRIC_FIELDS: RunField[] = [
  { key: 'id', label: 'Run', value: (r) => r.id ?? null },
  { key: 'name', label: 'Name', value: (r) => r.name || null },
  { key: 'savedAt', label: 'Saved', value: (r) => r.savedAt },
  { key: 'epoch', label: 'Epochs', value: (r) => r.final?.epoch ?? null },
  { key: 'trainLoss', label: 'Train loss', value: (r) => r.final?.trainLoss ?? null },
  { key: 'valLoss', label: 'Val. loss', value: (r) => r.final?.valLoss ?? null },
  { key: 'valAcc', label: 'Val. accuracy', value: (r) => r.final?.valAcc ?? null },
  { key: 'testLoss', label: 'Test loss', value: (r) => r.test?.loss ?? null },
  { key: 'diagnosis', label: 'Diagnosis', value: (r) => r.diagnosis?.regime ?? null },
  { key: 'backend', label: 'Backend', value: (r) => r.backend },
  { key: 'note', label: 'Note', value: (r) => r.note || null },
];

/** Every setting of the config, by the schema's field list. */
export const SETTING_FIELDS: RunField[] = FIELDS.map((f) => ({ key: `config.${f.key}`, label: f.key, value: (r: SavedRun) => settingValue(r.config, f.key) }));

export const ALL_FIELDS: RunField[] = [...METRIC_FIELDS, ...SETTING_FIELDS];

export function fieldByKey(key: string): RunField {
  return ALL_FIELDS.find((f) => f.key === key) ?? METRIC_FIELDS[0];
}

/** The columns the table shows (the rest are reachable by sort, filter and compare). */
export const COLUMNS = ['id', 'name', 'config.dataset', 'config.layers', 'config.optimizer', 'config.lr', 'epoch', 'valLoss', 'valAcc', 'diagnosis', 'backend', 'savedAt'].map(fieldByKey);

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/** Sorted by the field; runs without a value go last either way. */
export function sortRuns(runs: readonly SavedRun[], sort: SortState): SavedRun[] {
  const f = fieldByKey(sort.key);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const x = f.value(a);
    const y = f.value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return sign * c || (a.id ?? 0) - (b.id ?? 0);
  });
}

/**
 * Keeps the runs whose field matches: "<0.3", ">=100", "=0.1" compare numbers; anything else is
 * a case-insensitive "contains" on the value's text. An empty query keeps every run.
 */
export function filterRuns(runs: readonly SavedRun[], key: string, query: string): SavedRun[] {
  const q = query.trim();
  if (!q) return [...runs];
  const f = fieldByKey(key);
  const m = /^(<=|>=|<|>|=)\s*(-?[\d.]+(?:e-?\d+)?)$/i.exec(q);
  return runs.filter((r) => {
    const v = f.value(r);
    if (v === null) return false;
    if (m && typeof v === 'number') {
      const n = Number(m[2]);
      switch (m[1]) {
        case '<':
          return v < n;
        case '<=':
          return v <= n;
        case '>':
          return v > n;
        case '>=':
          return v >= n;
        default:
          return v === n;
      }
    }
    return String(v).toLowerCase().includes(q.toLowerCase());
  });
}

export interface CompareRow {
  key: string;
  values: string[];
  differs: boolean;
}

/** Every setting side by side, those that differ between any of the runs marked. */
export function compareSettings(runs: readonly SavedRun[]): CompareRow[] {
  return FIELDS.map((f) => {
    const values = runs.map((r) => String(settingValue(r.config, f.key)));
    return { key: f.key, values, differs: values.some((v) => v !== values[0]) };
  });
}

/** For each run after the first, against the first: its id, the first's, and the changes (runLabels' wording). */
export function compareChanges(runs: readonly SavedRun[]): { a: number | undefined; b: number | undefined; changes: string[] }[] {
  const [base, ...rest] = runs;
  if (!base) return [];
  return rest.map((r) => ({ a: base.id, b: r.id, changes: differences(base.config, r.config, false) }));
}

/** For each run after the first: "Run 4: lr 0.1 → 0.03, …" against the first (runLabels' wording). */
export function compareSummary(runs: readonly SavedRun[]): string[] {
  return compareChanges(runs).map(({ a, b, changes }) => `Run ${a} → run ${b}: ${changes.length ? changes.join(', ') : 'same settings'}`);
}
