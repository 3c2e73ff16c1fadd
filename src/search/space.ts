// What a hyperparameter search varies: the parameters, how each is given (a range or a list of
// values), which settings exist for a trial (the conditional ones: isActive), validation against
// the config's own limits, the grid and seeded random samples.
// Pure: no React, DOM, store or tfjs, so the page and the worker can both use it.
import { ACTIVATIONS, MAX_LAYERS, MAX_UNITS, OPTIMIZERS, RANGES, type ExperimentConfig } from '../shared/config';
import { hashSeed, mulberry32, type Rand } from '../data/random';
import { isImages } from '../shared/datasets';
import { stackHas } from './imageTrial';
import type { ParamKey, ParamLimit, ParamSpec, SearchSpace, SpaceIssue, Strategy, Trial } from './types';

/**
 * The searchable settings, in display order (the same keys as PARAM_LIMITS). A conditional
 * setting comes after the one it depends on, so a trial built in this order always knows
 * whether the next setting exists (grid, random and TPE sampling rely on it).
 */
export const PARAM_KEYS: readonly ParamKey[] = ['lr', 'batch', 'filters', 'units', 'layers', 'units2', 'l2', 'dropout', 'optimizer', 'momentum', 'activation'];

/** The config's own limits for each searchable parameter. */
export const PARAM_LIMITS: Record<ParamKey, ParamLimit> = {
  lr: { kind: 'number', min: RANGES.lr.min, max: RANGES.lr.max, int: false, label: RANGES.lr.label },
  batch: { kind: 'number', min: RANGES.batch.min, max: RANGES.batch.max, int: true, label: RANGES.batch.label },
  filters: { kind: 'number', min: 1, max: 256, int: true, label: 'Filters of conv layer 1' },
  units: { kind: 'number', min: 1, max: MAX_UNITS, int: true, label: 'Units per hidden layer' },
  layers: { kind: 'number', min: 0, max: MAX_LAYERS, int: true, label: 'Hidden layers' },
  units2: { kind: 'number', min: 1, max: MAX_UNITS, int: true, label: 'Units of hidden layers 2+' },
  l2: { kind: 'number', min: RANGES.l2.min, max: RANGES.l2.max, int: false, label: RANGES.l2.label },
  dropout: { kind: 'number', min: RANGES.dropoutRate.min, max: RANGES.dropoutRate.max, int: false, label: RANGES.dropoutRate.label },
  optimizer: { kind: 'choice', values: OPTIMIZERS, label: 'Optimizer' },
  momentum: { kind: 'number', min: RANGES.momentum.min, max: RANGES.momentum.max, int: false, label: RANGES.momentum.label },
  activation: { kind: 'choice', values: ACTIVATIONS, label: 'Activation' },
};

/** Sensible starting lists (for a grid) and ranges (for random and Bayesian search). */
export const DEFAULT_LISTS: Record<ParamKey, ParamSpec> = {
  lr: { kind: 'list', values: [0.1, 0.03, 0.01] },
  batch: { kind: 'list', values: [10, 32, 64] },
  filters: { kind: 'list', values: [4, 8, 16] },
  units: { kind: 'list', values: [4, 8, 16] },
  layers: { kind: 'list', values: [1, 2] },
  units2: { kind: 'list', values: [4, 8] },
  l2: { kind: 'list', values: [0, 0.001, 0.01] },
  dropout: { kind: 'list', values: [0, 0.2] },
  optimizer: { kind: 'list', values: ['sgd', 'adam'] },
  momentum: { kind: 'list', values: [0.5, 0.9] },
  activation: { kind: 'list', values: ['tanh', 'relu'] },
};
export const DEFAULT_RANGES: Record<ParamKey, ParamSpec> = {
  lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
  batch: { kind: 'range', min: 4, max: 128, scale: 'log', integer: true },
  filters: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
  units: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
  layers: { kind: 'range', min: 1, max: 3, scale: 'linear', integer: true },
  units2: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
  l2: { kind: 'range', min: 0, max: 0.01, scale: 'linear' },
  dropout: { kind: 'range', min: 0, max: 0.5, scale: 'linear' },
  optimizer: { kind: 'list', values: [...OPTIMIZERS] },
  momentum: { kind: 'range', min: 0.5, max: 0.99, scale: 'linear' },
  activation: { kind: 'list', values: [...ACTIVATIONS] },
};

/**
 * What a conditional setting hangs on when the trial does not say: the config the search runs on
 * (its data set and layer stack decide which model settings exist at all).
 */
export type SearchBase = Pick<ExperimentConfig, 'optimizer' | 'layers'> & Partial<Pick<ExperimentConfig, 'dataset' | 'imageLayers'>>;

/** Settings of the 2-D and table sets' hidden layers, which an image model's layer stack replaces. */
const POINTS_ONLY: readonly ParamKey[] = ['layers', 'units2', 'dropout', 'activation'];

/**
 * Whether a setting exists for the model `base` describes at all: on image sets, `filters` (conv
 * layer 1's filters) where the stack has a conv layer and `units` where it has a dense one, and
 * none of the 2-D sets' hidden-layer settings; elsewhere everything but `filters`. Without a
 * base, or a base without its data set, every setting may exist.
 */
export function appliesTo(key: ParamKey, base?: SearchBase): boolean {
  if (!base?.dataset) return true;
  if (!isImages(base.dataset)) return key !== 'filters';
  if (key === 'filters') return stackHas(base.imageLayers, 'conv');
  if (key === 'units') return stackHas(base.imageLayers, 'dense');
  return !POINTS_ONLY.includes(key);
}

/**
 * The conditional settings: the setting each depends on, when it exists for a value of that
 * setting, and that setting's value in the base config (when the search does not vary it).
 */
export const CONDITIONS: Partial<Record<ParamKey, { on: ParamKey; when: (v: number | string) => boolean; base: (b: SearchBase) => number | string }>> = {
  // Momentum β only means something to SGD with momentum.
  momentum: { on: 'optimizer', when: (v) => v === 'momentum', base: (b) => b.optimizer },
  // units2 sizes hidden layers 2, 3, …: there must be a second layer.
  units2: { on: 'layers', when: (v) => Number(v) >= 2, base: (b) => b.layers.length },
};

/**
 * Whether a setting exists for a trial: unconditional settings always do; momentum only with the
 * optimizer 'momentum', units2 only with 2 or more hidden layers, each read from the trial if it
 * sets the controlling setting, else from `base`. Without a base (the searcher in a worker, which
 * does not hold the config) an unsearched controlling setting counts as allowing it: the page
 * refuses such a space beforehand when the config does not (validateSpace with a base).
 */
export function isActive(key: ParamKey, trial: Trial, base?: SearchBase): boolean {
  if (!appliesTo(key, base)) return false;
  const c = CONDITIONS[key];
  if (!c) return true;
  const v = trial[c.on] ?? (base ? c.base(base) : undefined);
  return v === undefined || c.when(v);
}

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
export function validateSpace(space: SearchSpace, strategy: Strategy, limits: { maxGrid: number } = { maxGrid: 500 }, base?: SearchBase): SpaceIssue[] {
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
  for (const key of keys) {
    // A setting the model does not have (filters without conv layers, hidden layers on images).
    if (appliesTo(key, base)) continue;
    const k = base?.dataset && isImages(base.dataset) ? (key === 'filters' ? 'noConv' : key === 'units' ? 'noDense' : 'images') : 'notImages';
    const why = { noConv: 'the layer stack has no conv layer', noDense: 'the layer stack has no dense layer', images: 'on image sets the layer stack sets it', notImages: 'only image models have conv layers' }[k];
    issues.push({ field: key, ...problem(`${PARAM_LIMITS[key].label} does not apply: ${why}.`, `problem.absent.${k}`) });
  }
  for (const key of keys) {
    if (!appliesTo(key, base)) continue;
    // A conditional setting that no trial would use: refused rather than searched for nothing.
    if (!neverActive(key, space, base)) continue;
    const why = key === 'momentum' ? 'no trial uses the optimizer "momentum"' : 'no trial has 2 or more hidden layers';
    issues.push({ field: key, ...problem(`${PARAM_LIMITS[key].label} is never used: ${why}.`, `problem.never.${key}`) });
  }
  if (strategy === 'grid' && keys.every((k) => space[k]?.kind === 'list')) {
    const size = gridSize(space, base);
    if (size > limits.maxGrid) issues.push({ field: 'space', ...problem(`the grid has ${size} trials, more than the limit of ${limits.maxGrid}`, 'problem.gridTooBig', { size, max: limits.maxGrid }) });
  }
  return issues;
}

/** The values a searched setting may take, as far as its condition goes: a list's values, a range's ends. */
function controllerValues(spec: ParamSpec): (number | string)[] {
  return spec.kind === 'list' ? spec.values : [spec.min, spec.max];
}

/**
 * Whether a searched conditional setting can exist in no trial at all: its controlling setting is
 * searched and none of its values allows it (for layers, a range whose top is below 2), or is not
 * searched and the base config does not allow it.
 */
function neverActive(key: ParamKey, space: SearchSpace, base?: SearchBase): boolean {
  const c = CONDITIONS[key];
  if (!c) return false;
  const on = space[c.on];
  if (on) return on.kind === 'list' && on.values.length > 0 ? !on.values.some(c.when) : on.kind === 'range' && !controllerValues(on).some(c.when);
  return base !== undefined && !c.when(c.base(base));
}

/**
 * Trials in the full grid (Infinity if a parameter is a range, 0 if none is chosen): the product
 * of the list lengths, except that a conditional setting multiplies only the cells where it
 * exists (optimizer sgd or momentum × momentum β 0.5 or 0.9 is 3 cells, not 4).
 */
export function gridSize(space: SearchSpace, base?: SearchBase): number {
  const keys = spaceKeys(space);
  if (keys.length === 0) return 0;
  if (keys.some((k) => space[k]!.kind !== 'list')) return Infinity;
  const len = (k: ParamKey) => (space[k] as Extract<ParamSpec, { kind: 'list' }>).values.length;
  const dependents = (on: ParamKey) => keys.filter((k) => CONDITIONS[k]?.on === on);
  let size = 1;
  for (const k of keys) {
    if (CONDITIONS[k] && space[CONDITIONS[k]!.on]) continue; // counted with the setting it depends on
    const deps = dependents(k);
    if (deps.length === 0) {
      size *= CONDITIONS[k] && !isActive(k, {}, base) ? 1 : len(k);
      continue;
    }
    // A controlling setting: each of its values brings the cells of the settings that exist with it.
    let sum = 0;
    for (const v of (space[k] as Extract<ParamSpec, { kind: 'list' }>).values) sum += deps.reduce((n, d) => n * (isActive(d, { [k]: v }, base) ? len(d) : 1), 1);
    size *= sum;
  }
  return size;
}

/**
 * The full cartesian product of the value lists, in a stable order: parameters in PARAM_KEYS
 * order, each list in its given order, the last parameter varying fastest (like nested loops).
 * A conditional setting is left out of the cells where it does not exist (isActive), so no two
 * cells are the same model.
 */
export function gridTrials(space: SearchSpace, base?: SearchBase): Trial[] {
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
    for (const t of out) {
      if (!isActive(k, t, base)) next.push(t);
      else for (const v of lists[j]) next.push({ ...t, [k]: v });
    }
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

/**
 * One independent sample of every searched parameter that exists for the trial (isActive),
 * drawing from `rand` in PARAM_KEYS order.
 */
export function sampleTrial(space: SearchSpace, rand: Rand, base?: SearchBase): Trial {
  const t: Trial = {};
  for (const k of spaceKeys(space)) {
    if (!isActive(k, t, base)) continue;
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
export function randomTrials(space: SearchSpace, n: number, seed: number, base?: SearchBase): Trial[] {
  const rand = mulberry32(hashSeed(seed, 'search-random'));
  return Array.from({ length: Math.max(0, Math.floor(n)) }, () => sampleTrial(space, rand, base));
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
