// The trials table's filter, set by brushing the parallel coordinates: per axis (a searched
// setting or 'objective'), the interval kept. Shared by the plot and the table, and the axes
// themselves (searchAxes) so that the plot draws a trial where the filter reads it.
import { create } from 'zustand';
import { PARAM_LIMITS, spaceKeys } from './space';
import type { ParamKey, SearchSpace, TrialRecord } from './types';

/** Per axis, the kept interval [lo, hi] in the axis's own units (a choice's index for names). */
export type TrialRanges = Partial<Record<string, readonly [number, number]>>;

export interface TrialFilterState {
  ranges: TrialRanges;
  setRange: (axis: string, range: readonly [number, number] | null) => void;
  clear: () => void;
}

export const useTrialFilter = create<TrialFilterState>()((set) => ({
  ranges: {},
  setRange: (axis, range) =>
    set((s) => {
      const ranges = { ...s.ranges };
      if (range) ranges[axis] = range;
      else delete ranges[axis];
      return { ranges };
    }),
  clear: () => set({ ranges: {} }),
}));

/** The objective's axis key (the settings' axes are their ParamKey). */
export const OBJECTIVE_AXIS = 'objective';

/**
 * One axis of the plot. A number axis spans [min, max] in the setting's own units (log-spaced
 * when `log`); a choice axis shows the searched names, evenly spaced, in the setting's fixed
 * order (PARAM_LIMITS), and its unit is a name's index in that fixed order, so that a contiguous
 * run of names on the axis is one interval of indices whatever was searched.
 */
export type Axis =
  | { key: ParamKey | typeof OBJECTIVE_AXIS; kind: 'number'; min: number; max: number; log: boolean; values?: number[] }
  | { key: ParamKey; kind: 'choice'; names: string[]; indices: number[] };

/** A name's index in the setting's fixed order of choices (-1 if not one of them). */
export function choiceIndex(key: ParamKey, name: string): number {
  const lim = PARAM_LIMITS[key];
  return lim.kind === 'choice' ? lim.values.indexOf(name) : -1;
}

/** A trial's value on an axis in the axis's units, or null where it has none (a setting it lacks, a diverged score). */
export function axisValue(tr: TrialRecord, key: string): number | null {
  if (key === OBJECTIVE_AXIS) return Number.isFinite(tr.mean) ? tr.mean : null;
  const v = tr.trial[key as ParamKey];
  if (v === undefined) return null;
  if (PARAM_LIMITS[key as ParamKey]?.kind === 'choice') {
    const i = choiceIndex(key as ParamKey, String(v));
    return i < 0 ? null : i;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Whether a trial lies in every brushed interval (a trial without a value on a brushed axis does not). */
export function trialPasses(tr: TrialRecord, ranges: TrialRanges): boolean {
  for (const [key, range] of Object.entries(ranges)) {
    if (!range) continue;
    const v = axisValue(tr, key);
    if (v === null) return false;
    const [lo, hi] = range[0] <= range[1] ? range : [range[1], range[0]];
    // A relative slack so a value shown on the brush's edge (rounded for display) stays in.
    // (An open end, ±Infinity, is left out of the slack's size.)
    const tol = 1e-9 * Math.max(1, ...[lo, hi].filter(Number.isFinite).map(Math.abs));
    if (v < lo - tol || v > hi + tol) return false;
  }
  return true;
}

/**
 * The plot's axes: each searched setting (a range's ends, or a list's extremes; log for a log
 * range, or a list of positive numbers spanning a factor of 10 or more; a list's values as
 * its ticks), then the objective
 * over the trials' finite scores.
 */
export function searchAxes(space: SearchSpace, trials: readonly TrialRecord[]): Axis[] {
  const axes: Axis[] = [];
  for (const key of spaceKeys(space)) {
    const spec = space[key]!;
    if (PARAM_LIMITS[key].kind === 'choice') {
      const searched = new Set(spec.kind === 'list' ? spec.values.map(String) : []);
      for (const tr of trials) if (tr.trial[key] !== undefined) searched.add(String(tr.trial[key]));
      const names = (PARAM_LIMITS[key] as { values: readonly string[] }).values.filter((n) => searched.has(n));
      axes.push({ key, kind: 'choice', names, indices: names.map((n) => choiceIndex(key, n)) });
      continue;
    }
    const seen = trials.map((tr) => axisValue(tr, key)).filter((v): v is number => v !== null);
    const given = spec.kind === 'range' ? [spec.min, spec.max] : spec.values.map(Number).filter(Number.isFinite);
    const all = [...given, ...seen];
    const min = Math.min(...all);
    const max = Math.max(...all);
    const log = spec.kind === 'range' ? spec.scale === 'log' && min > 0 : min > 0 && max / min >= 10;
    // A list's values are the axis's ticks (a list of whole numbers gets no 1.5).
    axes.push({ key, kind: 'number', min, max, log, ...(spec.kind === 'list' ? { values: [...new Set(given)].sort((a, b) => a - b) } : {}) });
  }
  const scores = trials.map((tr) => axisValue(tr, OBJECTIVE_AXIS)).filter((v): v is number => v !== null);
  const min = scores.length ? Math.min(...scores) : 0;
  const max = scores.length ? Math.max(...scores) : 1;
  axes.push({ key: OBJECTIVE_AXIS, kind: 'number', min, max, log: false });
  return axes;
}

/** Position on an axis in [0, 1] (0 = bottom) of a value in the axis's units; `log` overrides the axis's own. */
export function axisPosition(axis: Axis, v: number, log = axis.kind === 'number' && axis.log): number {
  if (axis.kind === 'choice') {
    const i = axis.indices.indexOf(v);
    return axis.indices.length <= 1 ? 0.5 : Math.max(0, i) / (axis.indices.length - 1);
  }
  const useLog = log && axis.min > 0;
  const a = useLog ? Math.log(axis.min) : axis.min;
  const b = useLog ? Math.log(axis.max) : axis.max;
  const x = useLog ? Math.log(Math.max(v, axis.min)) : v;
  return b > a ? (x - a) / (b - a) : 0.5;
}

/** The value of an axis at position p in [0, 1] (number axes; the inverse of axisPosition). */
export function axisValueAt(axis: Extract<Axis, { kind: 'number' }>, p: number, log = axis.log): number {
  const q = Math.min(1, Math.max(0, p));
  if (log && axis.min > 0) return Math.exp(Math.log(axis.min) + q * (Math.log(axis.max) - Math.log(axis.min)));
  return axis.min + q * (axis.max - axis.min);
}

/**
 * The interval kept by brushing positions [p0, p1] of an axis: the values between them, or for
 * a choice axis the indices of the names whose evenly spaced places lie inside (null: none do).
 */
export function brushRange(axis: Axis, p0: number, p1: number, log?: boolean): readonly [number, number] | null {
  const lo = Math.min(p0, p1);
  const hi = Math.max(p0, p1);
  if (axis.kind === 'number') return [axisValueAt(axis, lo, log), axisValueAt(axis, hi, log)];
  const kept = axis.indices.filter((i) => {
    const p = axisPosition(axis, i);
    return p >= lo - 1e-9 && p <= hi + 1e-9;
  });
  return kept.length ? [Math.min(...kept), Math.max(...kept)] : null;
}
