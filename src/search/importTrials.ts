// Reads the trials CSV that an exported PyTorch + Optuna search writes (src/export/optunaScript.ts):
// one row per finished trial, columns number, the searched parameters, value, then optionally
// std, folds (semicolon-separated) and duration_ms, and from the page's own CSV pruned,
// stopped_at and params (the parameter count, recomputed from the config, so not read back). Checks every column and value against the
// search space (or, without one, the parameters' own limits) and refuses the whole file, with the
// reason, at the first problem. A conditional setting's cell is empty in the rows where it does
// not exist (isActive: momentum β without the momentum optimizer), as Optuna writes it. Pure: no
// DOM or store.
import Papa from 'papaparse';
import { PARAM_KEYS, PARAM_LIMITS, isActive, isIntegerRange } from './space';
import type { ParamKey, SearchSpace, Trial, TrialRecord } from './types';
import { t } from '../i18n/i18n';
import { paramLabel } from './labels';

export type ImportResult = { ok: true; trials: TrialRecord[]; params: ParamKey[] } | { ok: false; error: string };

const KNOWN = new Set(['number', 'value', 'std', 'folds', 'duration_ms', 'pruned', 'stopped_at', 'params']);
/** Slack for values written with fewer digits than the range's ends. */
const EPS = 1e-9;

function num(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (t === 'nan') return NaN;
  return t === '' ? NaN : Number(t);
}

function fail(error: string): ImportResult {
  return { ok: false, error };
}

/** Why a value does not belong to the parameter (in the space if given), or null. */
function checkParam(key: ParamKey, raw: string, space: SearchSpace | null): { value: number | string } | { error: string } {
  const lim = PARAM_LIMITS[key];
  const label = paramLabel(key);
  const spec = space?.[key];
  let value: number | string;
  if (lim.kind === 'choice') {
    value = raw.trim();
    if (!lim.values.includes(value)) return { error: t('search:csv.oneOf', { label, values: lim.values.join(', '), got: raw }) };
  } else {
    value = num(raw);
    if (!Number.isFinite(value)) return { error: t('search:csv.number', { label, got: raw }) };
    if (value < lim.min || value > lim.max) return { error: t('search:csv.between', { label, min: lim.min, max: lim.max, got: value }) };
    if (lim.int && !Number.isInteger(value)) return { error: t('search:csv.whole', { label, got: value }) };
  }
  if (spec?.kind === 'list') {
    if (!spec.values.some((v) => v === value || (typeof v === 'number' && typeof value === 'number' && Math.abs(v - value) <= EPS * Math.max(1, Math.abs(v))))) {
      return { error: t('search:csv.notValue', { label, got: value, values: spec.values.join(', ') }) };
    }
  } else if (spec?.kind === 'range') {
    const v = value as number;
    const tol = EPS * Math.max(1, Math.abs(spec.max));
    if (v < spec.min - tol || v > spec.max + tol) return { error: t('search:csv.outside', { label, got: v, min: spec.min, max: spec.max }) };
    if (isIntegerRange(key, spec) && !Number.isInteger(v)) return { error: t('search:csv.wholeHere', { label, got: v }) };
  }
  return { value };
}

/**
 * The trials of a search CSV, or why it is refused. With `space`, the file's parameter columns
 * must be exactly the space's and every value must lie in it; without, they may be any of the
 * searchable parameters within their limits.
 */
export function importTrials(text: string, space: SearchSpace | null = null): ImportResult {
  if (!text.trim()) return fail(t('search:csv.empty'));
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const rows = parsed.data;
  if (rows.length === 0) return fail(t('search:csv.empty'));
  const header = rows[0].map((h) => h.trim());
  const col = new Map<string, number>();
  for (const [i, h] of header.entries()) {
    if (col.has(h)) return fail(t('search:csv.columnTwice', { name: h }));
    if (!KNOWN.has(h) && !(PARAM_KEYS as readonly string[]).includes(h)) return fail(t('search:csv.unknownColumn', { name: h, params: PARAM_KEYS.join(', ') }));
    col.set(h, i);
  }
  for (const need of ['number', 'value']) if (!col.has(need)) return fail(t('search:csv.missingColumn', { name: need }));
  const params = PARAM_KEYS.filter((k) => col.has(k));
  if (params.length === 0) return fail(t('search:csv.noParams'));
  if (space) {
    const wanted = PARAM_KEYS.filter((k) => space[k] !== undefined);
    const missing = wanted.filter((k) => !col.has(k));
    const extra = params.filter((k) => space[k] === undefined);
    if (missing.length) return fail(t('search:csv.lacks', { count: missing.length, names: missing.join(', ') }));
    if (extra.length) return fail(t('search:csv.extra', { count: extra.length, names: extra.join(', ') }));
  }
  if (rows.length < 2) return fail(t('search:csv.noTrials'));
  const trials: TrialRecord[] = [];
  const seen = new Set<number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = r + 1;
    if (row.length !== header.length) return fail(t('search:csv.fields', { line, n: row.length, header: header.length }));
    const cell = (name: string) => (col.has(name) ? row[col.get(name)!] : '');
    const number = num(cell('number'));
    if (!Number.isInteger(number) || number < 0) return fail(t('search:csv.trialNumber', { line, got: cell('number') }));
    if (seen.has(number)) return fail(t('search:csv.trialTwice', { line, n: number }));
    seen.add(number);
    const trial: Trial = {};
    for (const k of params) {
      // `params` are in PARAM_KEYS order, so the setting a conditional one hangs on is read first.
      if (!isActive(k, trial)) {
        if (cell(k).trim() !== '') return fail(t('search:csv.atLine', { line, error: t('search:csv.inactive', { label: paramLabel(k), got: cell(k) }) }));
        continue;
      }
      const got = checkParam(k, cell(k), space);
      if ('error' in got) return fail(t('search:csv.atLine', { line, error: got.error }));
      trial[k] = got.value;
    }
    const mean = num(cell('value'));
    // 'nan': a diverged trial (kept, as the browser keeps it); anything else unreadable is refused.
    if (Number.isNaN(mean) && cell('value').trim().toLowerCase() !== 'nan') return fail(t('search:csv.value', { line, got: cell('value') }));
    const std = col.has('std') && cell('std').trim() !== '' ? num(cell('std')) : NaN;
    const folds = col.has('folds') && cell('folds').trim() !== '' ? cell('folds').split(';').map(num) : [mean];
    if (folds.some((v, i) => Number.isNaN(v) && !/^\s*nan\s*$/i.test(cell('folds').split(';')[i] ?? ''))) return fail(t('search:csv.folds', { line, got: cell('folds') }));
    const ms = col.has('duration_ms') && cell('duration_ms').trim() !== '' ? num(cell('duration_ms')) : NaN;
    const record: TrialRecord = { index: number, trial, mean, std, folds, ms };
    if (col.has('pruned')) {
      const p = cell('pruned').trim().toLowerCase();
      if (!['true', 'false', '1', '0', ''].includes(p)) return fail(t('searchViews:csv.pruned', { line, got: cell('pruned') }));
      record.pruned = p === 'true' || p === '1';
    }
    if (col.has('stopped_at') && cell('stopped_at').trim() !== '') {
      const at = num(cell('stopped_at'));
      if (!Number.isInteger(at) || at < 1) return fail(t('searchViews:csv.stoppedAt', { line, got: cell('stopped_at') }));
      record.stoppedAt = at;
    }
    trials.push(record);
  }
  trials.sort((a, b) => a.index - b.index);
  return { ok: true, trials, params };
}
