// What a hyperparameter search varies: the parameters, how each is given (a range or a list of
// values), validation against the config's own limits, the grid and seeded random samples.
// Pure: no React, DOM, store or tfjs, so the page and the worker can both use it.
import { ACTIVATIONS, MAX_LAYERS, MAX_UNITS, OPTIMIZERS, RANGES } from '../shared/config';
import { hashSeed, mulberry32, type Rand } from '../data/random';
import type { ParamKey, ParamLimit, ParamSpec, SearchSpace, SpaceIssue, Strategy, Trial } from './types';

/** The searchable settings, in display order (the same keys as PARAM_LIMITS). */
export const PARAM_KEYS: readonly ParamKey[] = ['lr', 'batch', 'units', 'layers', 'l2', 'dropout', 'optimizer', 'activation'];

/** The config's own limits for each searchable parameter. */
export const PARAM_LIMITS: Record<ParamKey, ParamLimit> = {
  lr: { kind: 'number', min: RANGES.lr.min, max: RANGES.lr.max, int: false, label: RANGES.lr.label },
  batch: { kind: 'number', min: RANGES.batch.min, max: RANGES.batch.max, int: true, label: RANGES.batch.label },
  units: { kind: 'number', min: 1, max: MAX_UNITS, int: true, label: 'Units per hidden layer' },
  layers: { kind: 'number', min: 0, max: MAX_LAYERS, int: true, label: 'Hidden layers' },
  l2: { kind: 'number', min: RANGES.l2.min, max: RANGES.l2.max, int: false, label: RANGES.l2.label },
  dropout: { kind: 'number', min: RANGES.dropoutRate.min, max: RANGES.dropoutRate.max, int: false, label: RANGES.dropoutRate.label },
  optimizer: { kind: 'choice', values: OPTIMIZERS, label: 'Optimizer' },
  activation: { kind: 'choice', values: ACTIVATIONS, label: 'Activation' },
};

/** Sensible starting lists (for a grid) and ranges (for random and Bayesian search). */
export const DEFAULT_LISTS: Record<ParamKey, ParamSpec> = {
  lr: { kind: 'list', values: [0.1, 0.03, 0.01] },
  batch: { kind: 'list', values: [10, 32, 64] },
  units: { kind: 'list', values: [4, 8, 16] },
  layers: { kind: 'list', values: [1, 2] },
  l2: { kind: 'list', values: [0, 0.001, 0.01] },
  dropout: { kind: 'list', values: [0, 0.2] },
  optimizer: { kind: 'list', values: ['sgd', 'adam'] },
  activation: { kind: 'list', values: ['tanh', 'relu'] },
};
export const DEFAULT_RANGES: Record<ParamKey, ParamSpec> = {
  lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
  batch: { kind: 'range', min: 4, max: 128, scale: 'log', integer: true },
  units: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
  layers: { kind: 'range', min: 1, max: 3, scale: 'linear', integer: true },
  l2: { kind: 'range', min: 0, max: 0.01, scale: 'linear' },
  dropout: { kind: 'range', min: 0, max: 0.5, scale: 'linear' },
  optimizer: { kind: 'list', values: [...OPTIMIZERS] },
  activation: { kind: 'list', values: [...ACTIVATIONS] },
};

/** The searched parameters of a space, in the fixed PARAM_KEYS order. */
export function spaceKeys(space: SearchSpace): ParamKey[] {
  return PARAM_KEYS.filter((k) => space[k] !== undefined);
}

/** Whether a range yields whole numbers: asked for, or the parameter only takes whole numbers. */
export function isIntegerRange(key: ParamKey, spec: ParamSpec): boolean {
  const lim = PARAM_LIMITS[key];
  return spec.kind === 'range' && (spec.integer === true || (lim.kind === 'number' && lim.int));
}

function fmt(v: number | string): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

/** A problem's English text, with its key and values for the page's language. */
type Problem = { message: string; key: string; params: Record<string, string | number> };
const problem = (message: string, key: string, params: Record<string, string | number> = {}): Problem => ({ message, key, params });

/** Problems with one value against the parameter's limits, or null. */
function checkValue(key: ParamKey, v: unknown): Problem | null {
  const lim = PARAM_LIMITS[key];
  if (lim.kind === 'choice') {
    return typeof v === 'string' && lim.values.includes(v) ? null : problem(`${lim.label} must be one of ${lim.values.join(', ')} (got ${fmt(v as number | string)})`, 'problem.oneOf', { values: lim.values.join(', '), got: fmt(v as number | string) });
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return problem(`${lim.label} values must be numbers (got ${fmt(v as number | string)})`, 'problem.notNumbers', { got: fmt(v as number | string) });
  if (v < lim.min || v > lim.max) return problem(`${lim.label} must be between ${lim.min} and ${lim.max} (got ${v})`, 'problem.between', { min: lim.min, max: lim.max, got: v });
  if (lim.int && !Number.isInteger(v)) return problem(`${lim.label} must be a whole number (got ${v})`, 'problem.whole', { got: v });
  return null;
}

/**
 * Everything wrong with a space for a strategy, each naming its parameter ('space' for the whole).
 * An empty list means the search can start.
 */
export function validateSpace(space: SearchSpace, strategy: Strategy, limits: { maxGrid: number } = { maxGrid: 500 }): SpaceIssue[] {
  const issues: SpaceIssue[] = [];
  const keys = spaceKeys(space);
  if (keys.length === 0) {
    issues.push({ field: 'space', ...problem('Choose at least one parameter to search.', 'problem.noParam') });
    return issues;
  }
  for (const key of keys) {
    const spec = space[key] as ParamSpec;
    const lim = PARAM_LIMITS[key];
    const add = (p: Problem) => issues.push({ field: key, ...p });
    if (spec.kind === 'list') {
      if (spec.values.length === 0) {
        add(problem(`${lim.label} has no values to try: add at least one.`, 'problem.noValues'));
        continue;
      }
      const seen = new Set<number | string>();
      for (const v of spec.values) {
        const bad = checkValue(key, v);
        if (bad) add(bad);
        else if (seen.has(v)) add(problem(`${lim.label} lists ${fmt(v)} more than once.`, 'problem.twice', { value: fmt(v) }));
        seen.add(v);
      }
      continue;
    }
    // A range.
    if (lim.kind === 'choice') {
      add(problem(`${lim.label} takes a list of choices, not a range.`, 'problem.choiceRange'));
      continue;
    }
    if (strategy === 'grid') add(problem(`${lim.label}: grid search takes a list of values, not a range.`, 'problem.gridRange'));
    let ok = true;
    for (const end of [spec.min, spec.max]) {
      const bad = checkValue(key, end);
      // Whole-number parameters may give fractional ends; only the whole numbers inside are used.
      if (bad && !(lim.int && Number.isFinite(end) && end >= lim.min && end <= lim.max)) {
        add(bad);
        ok = false;
      }
    }
    if (!ok) continue;
    if (spec.min > spec.max) add(problem(`${lim.label}: the minimum ${spec.min} is above the maximum ${spec.max}.`, 'problem.minAboveMax', { min: spec.min, max: spec.max }));
    else if (isIntegerRange(key, spec) && Math.ceil(spec.min) > Math.floor(spec.max)) {
      add(problem(`${lim.label}: no whole number lies between ${spec.min} and ${spec.max}.`, 'problem.noWhole', { min: spec.min, max: spec.max }));
    }
    if (spec.scale === 'log' && spec.min <= 0) add(problem(`${lim.label}: a log scale needs a minimum above 0 (got ${spec.min}).`, 'problem.logMin', { min: spec.min }));
  }
  if (strategy === 'grid' && keys.every((k) => space[k]?.kind === 'list')) {
    const size = gridSize(space);
    if (size > limits.maxGrid) issues.push({ field: 'space', ...problem(`the grid has ${size} trials, more than the limit of ${limits.maxGrid}`, 'problem.gridTooBig', { size, max: limits.maxGrid }) });
  }
  return issues;
}

/** Trials in the full grid: the product of the list lengths (Infinity if a parameter is a range, 0 if none is chosen). */
export function gridSize(space: SearchSpace): number {
  const keys = spaceKeys(space);
  if (keys.length === 0) return 0;
  let size = 1;
  for (const k of keys) {
    const spec = space[k] as ParamSpec;
    size *= spec.kind === 'list' ? spec.values.length : Infinity;
  }
  return size;
}

/**
 * The full cartesian product of the value lists, in a stable order: parameters in PARAM_KEYS
 * order, each list in its given order, the last parameter varying fastest (like nested loops).
 */
export function gridTrials(space: SearchSpace): Trial[] {
  const keys = spaceKeys(space);
  if (keys.length === 0) return [];
  const lists = keys.map((k) => {
    const spec = space[k] as ParamSpec;
    if (spec.kind !== 'list') throw new Error(`${PARAM_LIMITS[k].label}: grid search takes a list of values, not a range`);
    return spec.values;
  });
  let out: Trial[] = [{}];
  keys.forEach((k, j) => {
    const next: Trial[] = [];
    for (const t of out) for (const v of lists[j]) next.push({ ...t, [k]: v });
    out = next;
  });
  return out;
}

/** Rounds to `digits` significant digits, so sampled values read well in tables and links. */
export function roundSig(v: number, digits = 4): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

/**
 * Maps u in [0, 1] onto a range: uniform in log space for a log scale, whole numbers for an
 * integer range (each equally likely on a linear scale), clamped to [min, max].
 */
export function fromUnit(key: ParamKey, spec: Extract<ParamSpec, { kind: 'range' }>, u: number): number {
  const x = Math.min(1, Math.max(0, u));
  if (isIntegerRange(key, spec)) {
    const lo = Math.ceil(spec.min);
    const hi = Math.floor(spec.max);
    let v: number;
    // Widen by half a step each side so the end values get their full share.
    // (A valid log range has min > 0, so lo >= 1 and lo - 0.5 > 0.)
    if (spec.scale === 'log' && lo >= 1) {
      const a = Math.log(lo - 0.5);
      v = Math.exp(a + x * (Math.log(hi + 0.5) - a));
    } else v = lo - 0.5 + x * (hi - lo + 1);
    return Math.min(hi, Math.max(lo, Math.round(v)));
  }
  const v = spec.scale === 'log' ? Math.exp(Math.log(spec.min) + x * (Math.log(spec.max) - Math.log(spec.min))) : spec.min + x * (spec.max - spec.min);
  return Math.min(spec.max, Math.max(spec.min, roundSig(v)));
}

/** Position of a value within a range, in [0, 1] (log scale for log ranges); 0 for a one-point range. */
export function toUnit(spec: Extract<ParamSpec, { kind: 'range' }>, v: number): number {
  if (spec.scale === 'log') {
    const span = Math.log(spec.max) - Math.log(spec.min);
    return span > 0 ? (Math.log(Math.max(v, spec.min)) - Math.log(spec.min)) / span : 0;
  }
  const span = spec.max - spec.min;
  return span > 0 ? (v - spec.min) / span : 0;
}

/** One independent sample of every searched parameter, drawing from `rand` in PARAM_KEYS order. */
export function sampleTrial(space: SearchSpace, rand: Rand): Trial {
  const t: Trial = {};
  for (const k of spaceKeys(space)) {
    const spec = space[k] as ParamSpec;
    if (spec.kind === 'list') {
      if (spec.values.length === 0) continue;
      t[k] = spec.values[Math.min(spec.values.length - 1, Math.floor(rand() * spec.values.length))];
    } else t[k] = fromUnit(k, spec, rand());
  }
  return t;
}

/**
 * `n` independent samples, reproducible from `seed`: log ranges uniform in log space, integer
 * ranges whole numbers in [min, max], lists one value uniformly. Non-integer values are rounded
 * to 4 significant digits.
 */
export function randomTrials(space: SearchSpace, n: number, seed: number): Trial[] {
  const rand = mulberry32(hashSeed(seed, 'search-random'));
  return Array.from({ length: Math.max(0, Math.floor(n)) }, () => sampleTrial(space, rand));
}

/** A stable key for a trial (same values → same key), e.g. to spot repeats. */
export function trialKey(trial: Trial): string {
  return PARAM_KEYS.filter((k) => trial[k] !== undefined)
    .map((k) => `${k}=${trial[k]}`)
    .join('&');
}

/** A short readable form, e.g. "Learning rate 0.01 · Batch size 32". */
export function describeTrial(trial: Trial): string {
  return PARAM_KEYS.filter((k) => trial[k] !== undefined)
    .map((k) => `${PARAM_LIMITS[k].label} ${trial[k]}`)
    .join(' · ');
}
