// What is kept in the browser (IndexedDB, db.ts) and in an export file: saved runs and saved
// searches, each with a schema version. Pure: building records, upgrading old ones, validating
// anything read back or imported (the same checks for both), and the export file format.
//
// Versions:
//  1: the first layout: a run's curves as one object per epoch (`epochs`), no name or note.
//  2: curves as columns (`curves`, non-finite values as null so JSON keeps them), a name and a note
//     on runs and searches.
import { t as tr } from '../i18n/i18n';
import type { ExperimentConfig } from '../shared/config';
import { DEFAULT_CONFIG } from '../shared/config';
import type { EpochMetrics, TestResult } from '../shared/protocol';
import { applyPatch } from '../shared/schema';
import type { SearchSpec, Strategy, TrialRecord } from '../search/types';

export const SCHEMA_VERSION = 2;
export const EXPORT_FORMAT = 'tuning-playground-saved';

/** A loss or accuracy as stored: null where it was not finite (diverged) or absent. */
export type Stored = number | null;

export interface Curves {
  epoch: number[];
  trainLoss: Stored[];
  valLoss: Stored[];
  trainAcc: Stored[];
  valAcc: Stored[];
}

export interface FinalMetrics {
  epoch: number;
  trainLoss: Stored;
  valLoss: Stored;
  trainAcc: Stored;
  valAcc: Stored;
}

export interface SavedRun {
  /** Given by the database (auto-increment); absent before the first save. */
  id?: number;
  schemaVersion: number;
  /** ISO date of the save. */
  savedAt: string;
  name: string;
  note: string;
  config: ExperimentConfig;
  seed: number;
  runIndex: number;
  curves: Curves;
  final: FinalMetrics | null;
  test: TestResult | null;
  diagnosis: { regime: string; evidence: string } | null;
  /** The backend that trained it (cpu, webgl, wasm), when known. */
  backend: string | null;
}

export interface SavedSearch {
  id?: number;
  schemaVersion: number;
  savedAt: string;
  name: string;
  note: string;
  spec: SearchSpec;
  trials: TrialRecord[];
  best: TrialRecord | null;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  runs: SavedRun[];
  searches: SavedSearch[];
}

const finite = (x: number | null | undefined): Stored => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function curvesOf(epochs: readonly EpochMetrics[]): Curves {
  return {
    epoch: epochs.map((e) => e.epoch),
    trainLoss: epochs.map((e) => finite(e.trainLoss)),
    valLoss: epochs.map((e) => finite(e.valLoss)),
    trainAcc: epochs.map((e) => finite(e.trainAcc)),
    valAcc: epochs.map((e) => finite(e.valAcc)),
  };
}

/** Curves back as epoch metrics (null losses as NaN, as a diverged run reports them). */
export function epochsOf(c: Curves): EpochMetrics[] {
  return c.epoch.map((epoch, i) => ({
    epoch,
    trainLoss: c.trainLoss[i] ?? NaN,
    valLoss: c.valLoss[i] ?? NaN,
    trainAcc: c.trainAcc[i] ?? null,
    valAcc: c.valAcc[i] ?? null,
  }));
}

export interface RunInput {
  config: ExperimentConfig;
  runIndex: number;
  epochs: readonly EpochMetrics[];
  test: TestResult | null;
  diagnosis: { regime: string; evidence: string } | null;
  backend: string | null;
  name?: string;
  note?: string;
  savedAt?: Date;
}

export function buildRun(r: RunInput): SavedRun {
  const last = r.epochs.at(-1);
  return {
    schemaVersion: SCHEMA_VERSION,
    savedAt: (r.savedAt ?? new Date()).toISOString(),
    name: r.name ?? '',
    note: r.note ?? '',
    config: structuredClone(r.config),
    seed: r.config.seed,
    runIndex: r.runIndex,
    curves: curvesOf(r.epochs),
    final: last ? { epoch: last.epoch, trainLoss: finite(last.trainLoss), valLoss: finite(last.valLoss), trainAcc: finite(last.trainAcc), valAcc: finite(last.valAcc) } : null,
    test: r.test ? { ...r.test } : null,
    diagnosis: r.diagnosis ? { regime: r.diagnosis.regime, evidence: r.diagnosis.evidence } : null,
    backend: r.backend,
  };
}

export function buildSearch(spec: SearchSpec, trials: readonly TrialRecord[], best: TrialRecord | null, savedAt = new Date()): SavedSearch {
  return { schemaVersion: SCHEMA_VERSION, savedAt: savedAt.toISOString(), name: '', note: '', spec: structuredClone(spec), trials: structuredClone([...trials]), best: best ? structuredClone(best) : null };
}

// ---- Validation (records read back and imported) ----

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStored = (x: unknown): boolean => x === null || (typeof x === 'number' && Number.isFinite(x));
const isStoredArray = (x: unknown, n: number): boolean => Array.isArray(x) && x.length === n && x.every(isStored);

function checkConfig(c: unknown): Checked<ExperimentConfig> {
  if (!isObj(c)) return { ok: false, error: tr('saved:file.configMissing') };
  try {
    if (c.dataset === 'upload') {
      // The CSV file is not kept, so its columns cannot be checked: the other settings are.
      const rest = Object.fromEntries(Object.entries(c).filter(([k]) => !['dataset', 'problem', 'loss', 'features', 'slice'].includes(k)));
      applyPatch(DEFAULT_CONFIG, rest);
      return { ok: true, value: { ...DEFAULT_CONFIG, ...structuredClone(c) } as ExperimentConfig };
    }
    // The same checks as a link or setConfig: every field's range and the fields' consistency.
    return { ok: true, value: applyPatch(DEFAULT_CONFIG, c) };
  } catch (e) {
    return { ok: false, error: tr('saved:file.config', { error: e instanceof Error ? e.message : String(e) }) };
  }
}

/**
 * Upgrades a run record of any earlier version to the current one (the database's upgrade and
 * an import both use it); a current record comes back unchanged. Does not validate.
 */
export function upgradeRun(r: Record<string, unknown>): Record<string, unknown> {
  const v = r.schemaVersion;
  if (v === 1) {
    const epochs = Array.isArray(r.epochs) ? (r.epochs as EpochMetrics[]) : [];
    const { epochs: _dropped, ...rest } = r;
    void _dropped;
    const config = r.config as ExperimentConfig | undefined;
    const last = epochs.at(-1);
    return {
      ...rest,
      schemaVersion: 2,
      name: typeof r.label === 'string' ? r.label : '',
      note: '',
      seed: typeof r.seed === 'number' ? r.seed : (config?.seed ?? 0),
      curves: curvesOf(epochs),
      final: last ? { epoch: last.epoch, trainLoss: finite(last.trainLoss), valLoss: finite(last.valLoss), trainAcc: finite(last.trainAcc), valAcc: finite(last.valAcc) } : null,
      test: r.test ?? null,
      diagnosis: r.diagnosis ?? null,
      backend: r.backend ?? null,
    };
  }
  return r;
}

export function upgradeSearch(r: Record<string, unknown>): Record<string, unknown> {
  if (r.schemaVersion === 1) return { ...r, schemaVersion: 2, name: typeof r.name === 'string' ? r.name : '', note: '' };
  return r;
}

function checkVersion(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return tr('saved:file.versionMissing');
  if (v > SCHEMA_VERSION) return tr('saved:file.versionNewer', { v, max: SCHEMA_VERSION });
  return null;
}

/** Validates (after upgrading) a run record; the id is kept when it is a positive whole number. */
export function checkRun(raw: unknown): Checked<SavedRun> {
  if (!isObj(raw)) return { ok: false, error: tr('saved:file.notObject') };
  const bad = checkVersion(raw.schemaVersion);
  if (bad) return { ok: false, error: bad };
  const r = upgradeRun(raw);
  const config = checkConfig(r.config);
  if (!config.ok) return config;
  if (typeof r.savedAt !== 'string' || Number.isNaN(Date.parse(r.savedAt))) return { ok: false, error: tr('saved:file.savedAt') };
  if (typeof r.name !== 'string' || typeof r.note !== 'string') return { ok: false, error: tr('saved:file.nameNote') };
  if (typeof r.runIndex !== 'number' || !Number.isInteger(r.runIndex) || r.runIndex < 0) return { ok: false, error: tr('saved:file.runIndex') };
  const c = r.curves;
  if (!isObj(c) || !Array.isArray(c.epoch) || !c.epoch.every((e) => typeof e === 'number' && Number.isInteger(e) && e >= 0)) return { ok: false, error: tr('saved:file.curvesEpoch') };
  const n = c.epoch.length;
  for (const k of ['trainLoss', 'valLoss', 'trainAcc', 'valAcc'] as const) {
    if (!isStoredArray(c[k], n)) return { ok: false, error: tr('saved:file.curves', { k, n }) };
  }
  const f = r.final;
  if (f !== null && !(isObj(f) && typeof f.epoch === 'number' && ['trainLoss', 'valLoss', 'trainAcc', 'valAcc'].every((k) => isStored(f[k])))) return { ok: false, error: tr('saved:file.final') };
  const t = r.test;
  if (t !== null && t !== undefined && !(isObj(t) && typeof t.loss === 'number' && (t.accuracy === null || typeof t.accuracy === 'number') && typeof t.n === 'number')) return { ok: false, error: tr('saved:file.test') };
  const d = r.diagnosis;
  if (d !== null && d !== undefined && !(isObj(d) && typeof d.regime === 'string' && typeof d.evidence === 'string')) return { ok: false, error: tr('saved:file.diagnosis') };
  if (r.backend !== null && r.backend !== undefined && typeof r.backend !== 'string') return { ok: false, error: tr('saved:file.backend') };
  const value: SavedRun = {
    schemaVersion: SCHEMA_VERSION,
    savedAt: r.savedAt,
    name: r.name,
    note: r.note,
    config: config.value,
    seed: config.value.seed,
    runIndex: r.runIndex,
    curves: { epoch: [...c.epoch], trainLoss: [...(c.trainLoss as Stored[])], valLoss: [...(c.valLoss as Stored[])], trainAcc: [...(c.trainAcc as Stored[])], valAcc: [...(c.valAcc as Stored[])] },
    final: f === null ? null : (structuredClone(f) as unknown as FinalMetrics),
    test: (t ?? null) as TestResult | null,
    diagnosis: (d ?? null) as SavedRun['diagnosis'],
    backend: (r.backend ?? null) as string | null,
  };
  if (typeof r.id === 'number' && Number.isInteger(r.id) && r.id > 0) value.id = r.id;
  return { ok: true, value };
}

const STRATEGIES: readonly Strategy[] = ['grid', 'random', 'bayes', 'tpe', 'hyperband'];

function checkTrial(t: unknown): boolean {
  return isObj(t) && typeof t.index === 'number' && isObj(t.trial) && Array.isArray(t.folds) && (t.mean === null || typeof t.mean === 'number') && (t.std === null || typeof t.std === 'number');
}

export function checkSearch(raw: unknown): Checked<SavedSearch> {
  if (!isObj(raw)) return { ok: false, error: tr('saved:file.notObject') };
  const bad = checkVersion(raw.schemaVersion);
  if (bad) return { ok: false, error: bad };
  const r = upgradeSearch(raw);
  if (typeof r.savedAt !== 'string' || Number.isNaN(Date.parse(r.savedAt))) return { ok: false, error: tr('saved:file.savedAt') };
  if (typeof r.name !== 'string' || typeof r.note !== 'string') return { ok: false, error: tr('saved:file.nameNote') };
  const s = r.spec;
  if (!isObj(s) || !STRATEGIES.includes(s.strategy as Strategy) || !isObj(s.space) || typeof s.epochs !== 'number' || typeof s.budget !== 'number') return { ok: false, error: tr('saved:file.spec') };
  if (!Array.isArray(r.trials) || !r.trials.every(checkTrial)) return { ok: false, error: tr('saved:file.trials') };
  if (r.best !== null && !checkTrial(r.best)) return { ok: false, error: tr('saved:file.best') };
  const value: SavedSearch = {
    schemaVersion: SCHEMA_VERSION,
    savedAt: r.savedAt,
    name: r.name,
    note: r.note,
    spec: structuredClone(s) as unknown as SearchSpec,
    trials: structuredClone(r.trials) as TrialRecord[],
    best: r.best === null ? null : (structuredClone(r.best) as TrialRecord),
  };
  if (typeof r.id === 'number' && Number.isInteger(r.id) && r.id > 0) value.id = r.id;
  return { ok: true, value };
}

// ---- Export and import ----

export function exportFile(runs: readonly SavedRun[], searches: readonly SavedSearch[], now = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), runs: [...runs], searches: [...searches] };
}

/**
 * Reads an export file's text: every record is upgraded and validated, and the first problem
 * refuses the whole file (with where and why), so an import changes all or nothing. Ids are
 * dropped: imported records get new ones.
 */
export function parseImport(text: string): Checked<{ runs: SavedRun[]; searches: SavedSearch[] }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: tr('saved:file.notJson') };
  }
  if (!isObj(data) || data.format !== EXPORT_FORMAT) return { ok: false, error: tr('saved:file.notExport', { format: EXPORT_FORMAT }) };
  const bad = checkVersion(data.schemaVersion);
  if (bad) return { ok: false, error: bad };
  if (!Array.isArray(data.runs) || !Array.isArray(data.searches ?? [])) return { ok: false, error: tr('saved:file.lists') };
  const runs: SavedRun[] = [];
  for (let i = 0; i < data.runs.length; i++) {
    const c = checkRun(data.runs[i]);
    if (!c.ok) return { ok: false, error: tr('saved:file.run', { n: i + 1, error: c.error }) };
    delete c.value.id;
    runs.push(c.value);
  }
  const searches: SavedSearch[] = [];
  const list = (data.searches ?? []) as unknown[];
  for (let i = 0; i < list.length; i++) {
    const c = checkSearch(list[i]);
    if (!c.ok) return { ok: false, error: tr('saved:file.search', { n: i + 1, error: c.error }) };
    delete c.value.id;
    searches.push(c.value);
  }
  return { ok: true, value: { runs, searches } };
}
