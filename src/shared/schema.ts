// Validation and (de)serialization of ExperimentConfig: the URL hash, `setConfig` from scripts
// and typed control values all pass through `coerceField` and `normalizeConfig`. One table of
// fields (FIELDS: link name, check, text) drives reading and writing the link.
import {
  ACTIVATIONS,
  BACKENDS,
  DEFAULT_CONFIG,
  FEATURES,
  INITIALIZERS,
  LOSSES,
  MAX_LAYERS,
  MIN_TEST_PCT,
  OPTIMIZERS,
  RANGES,
  lambdaPerLayer,
  lossesFor,
  type Activation,
  type Lambda,
  type Augment,
  type ExperimentConfig,
  type FeatureKey,
  type RangeKey,
} from './config';
import { DATASET_KEYS, datasetInfo, datasetsFor, type DatasetKey, type UploadInfo } from './datasets';
import { isPageKey } from '../page/pageParams';
import { formatSchedule, parseSchedule } from './schedule';
import { checkStack, formatStack } from './imageStack';
import type { ImageAugment } from '../data/imageAugment';
import { msg, setSchemaText } from './schemaText';

export { setSchemaText };

/** A setting's name in messages (RANGES' label, in the interface's language). */
export const rangeName = (key: RangeKey): string => msg(`ranges.${key}`);

type Key = keyof ExperimentConfig;

/** How one setting is read (from a link's text or a script's value) and written into a link. */
export interface Field<K extends Key = Key> {
  key: K;
  /** Its name in the link: the field's own name, except `activation`, `eps` and `restore`. */
  hash: string;
  /** Checks a value against the setting's kind and range; `upload` is the loaded CSV file, if any. */
  read: (v: unknown, upload: UploadInfo | null) => Coerced<ExperimentConfig[K]>;
  /** The value as the link writes it. */
  write: (v: ExperimentConfig[K]) => string;
}

const plain = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

function field<K extends Key>(key: K, read: Field<K>['read'], hash: string = key, write: Field<K>['write'] = plain): Field {
  return { key, hash, read, write } as unknown as Field;
}

/** A number in its range (RANGES), by the range's key. */
const num = (range: RangeKey) => (v: unknown) => coerceNumber(range, v);
/** One of a fixed list of names. */
const choice =
  <T extends string>(name: string, allowed: readonly T[]) =>
  (v: unknown) =>
    oneOf(name, allowed, v);

/**
 * Every setting, in the link's order: its name there, how its value is checked and how it is
 * written. The one list both parseHash and configToHash (and setConfig, through applyPatch) go by.
 */
export const FIELDS: readonly Field[] = [
  field('dataset', (v, upload) => {
    if (v === 'upload' && !upload) return fail(msg('uploadNeeded'));
    return oneOf('dataset', DATASET_KEYS, v);
  }),
  field('problem', choice('problem', ['classification', 'regression'] as const)),
  field('samples', num('samples')),
  field('noise', num('noise')),
  field('seed', num('seed')),
  field('trainPct', num('trainPct')),
  field('valPct', num('valPct')),
  field('features', readFeatures),
  field('layers', readLayers),
  field('activations', readActivations, 'activation'),
  field('init', choice('init', INITIALIZERS)),
  field('loss', choice('loss', LOSSES)),
  field('optimizer', choice('optimizer', OPTIMIZERS)),
  field('lr', num('lr')),
  field('batch', num('batch')),
  field('momentum', num('momentum')),
  field('beta1', num('beta1')),
  field('beta2', num('beta2')),
  field('epsilon', num('epsilon'), 'eps'),
  field('schedule', readSchedule),
  field('clip', (v) => (v === '' ? { ok: true, value: 0 } : coerceNumber('clip', v))),
  field('backend', choice('backend', BACKENDS)),
  field('l1', (v) => coerceLambda('l1', v)),
  field('l2', (v) => coerceLambda('l2', v)),
  field('dropout', readDropout),
  field('batchnorm', readBatchnorm, 'batchnorm', (v: boolean[]) => (v.length ? v.map((b) => (b ? 1 : 0)).join(',') : '')),
  field('augment', coerceAugment, 'augment', augmentToText),
  // An empty value turns early stopping off, like 0.
  field('patience', (v) => (v === '' ? { ok: true, value: 0 } : coerceNumber('patience', v))),
  field('minDelta', num('minDelta')),
  field('restoreBest', readRestore, 'restore'),
  field('slice', readSlice),
  field('images', num('images')),
  field('imageLayers', readImageLayers),
  field('imageAugment', readImageAugment, 'imageAugment', imageAugmentToText),
  // An empty value means no limit and full speed, like 0.
  field('epochs', (v) => (v === '' ? { ok: true, value: 0 } : coerceNumber('epochs', v))),
  field('pace', (v) => (v === '' ? { ok: true, value: 0 } : coerceNumber('pace', v))),
];

/**
 * The link format's version, written first in every link as `v=1`. A link without it is read as
 * version 1 (links made before the key existed); when a later version renames keys, parseHash can
 * translate the old names by this number instead of breaking old links.
 */
export const HASH_VERSION = 1;
const VERSION_KEY = 'v';

const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
const FIELD_BY_HASH_KEY = new Map(FIELDS.map((f) => [f.hash, f.key]));

/** URL hash key for each config field (from FIELDS). */
export const HASH_KEYS = Object.fromEntries(FIELDS.map((f) => [f.key, f.hash])) as Record<Key, string>;

/**
 * The config field a setting's name stands for (its field name or its hash key), or undefined.
 * Own keys only: "constructor", "toString" or "__proto__" are unknown settings, not Object's.
 */
export function fieldOf(name: string): Key | undefined {
  return Object.hasOwn(HASH_KEYS, name) ? (name as Key) : FIELD_BY_HASH_KEY.get(name);
}

/** At most this many notices or errors are listed one by one; the rest are counted. */
const MAX_LISTED = 8;

/** A long list of problems as a readable sentence: the first few, then how many more. */
export function summarize(items: string[]): string[] {
  if (items.length <= MAX_LISTED) return items;
  return [...items.slice(0, MAX_LISTED), msg('notices.more', { count: count(items.length - MAX_LISTED) })];
}

/** Unknown setting names, one sentence however many: "20,000 unknown settings ignored, e.g. …". */
function unknownNotice(names: string[]): string[] {
  if (names.length === 0) return [];
  const shown = [...new Set(names)].slice(0, 3).map((n) => `"${truncate(n)}"`);
  if (names.length <= 3) return names.map((n) => msg('notices.ignored', { name: truncate(n) }));
  return [msg('notices.ignoredMany', { count: count(names.length), names: shown.join(', ') })];
}

/** 12345 → "12,345" whatever the locale. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export type Coerced<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): Coerced<never> => ({ ok: false, error });

function oneOf<T extends string>(name: string, allowed: readonly T[], v: unknown): Coerced<T> {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v)
    ? { ok: true, value: v as T }
    : fail(msg('oneOf', { name, allowed: allowed.join(', ') }));
}

/**
 * Plain decimal numbers only ("0.03", "-2", "1e-5"): `Number()` alone would also take "0x10",
 * "0b11", "Infinity" and " " and change them silently into something the person did not write.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Whole-number settings without an exponent ("10" or "10.0", not "1e3"). */
const NO_EXPONENT = /^[^eE]*$/;

/** Parses a number typed by a person or a script and checks it against its range. */
export function coerceNumber(key: RangeKey, v: unknown): Coerced<number> {
  const r = RANGES[key];
  const label = rangeName(key);
  let n = NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const t = v.trim();
    if (!DECIMAL.test(t)) return fail(msg('number.decimal', { label }));
    // Whole-number settings are counts or seeds: "1e3" is read as digits only, so a link says what it means.
    if (r.int && !NO_EXPONENT.test(t)) return fail(msg('number.digits', { label }));
    n = Number(t);
    if (n === Infinity || n === -Infinity) return fail(msg('number.tooLarge', { label }));
    // "1e-400" reads as 0: refuse rather than turn a tiny value into a different one without a word.
    if (n === 0 && /[1-9]/.test(t.split(/[eE]/)[0])) return fail(msg('number.tooSmall', { label }));
  }
  if (!Number.isFinite(n)) return fail(msg('number.notNumber', { label }));
  if (r.int && !Number.isInteger(n)) return fail(msg('number.whole', { label }));
  if (n < r.min || n > r.max) return fail(msg('number.between', { label, min: r.min, max: r.max }));
  return { ok: true, value: n };
}

function list(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v.trim() === '' ? [] : v.split(',').map((s) => s.trim());
  return null;
}

/** Checks one field's value (from a hash string or a script's value); `upload` is the loaded CSV file, if any. */
export function coerceField(key: Key, v: unknown, upload: UploadInfo | null = null): Coerced<ExperimentConfig[Key]> {
  return FIELD_BY_KEY.get(key)!.read(v, upload);
}

function readSlice(v: unknown): Coerced<number[]> {
  const items = list(v);
  if (!items || items.length !== 2) return fail(msg('slice.two'));
  const out: number[] = [];
  for (const it of items) {
    const c = coerceNumber('sliceColumn', it);
    if (!c.ok) return fail(msg('prefixed', { name: 'slice', error: c.error }));
    out.push(c.value);
  }
  if (out[0] === out[1]) return fail(msg('slice.different'));
  return { ok: true, value: out };
}

function readFeatures(v: unknown): Coerced<FeatureKey[]> {
  const items = list(v);
  if (!items || items.length === 0) return fail(msg('features', { list: FEATURES.join(', ') }));
  const out: string[] = [];
  for (const it of items) {
    const c = oneOf(msg('eachFeature'), FEATURES, it);
    if (!c.ok) return c;
    if (!out.includes(c.value)) out.push(c.value);
  }
  return { ok: true, value: FEATURES.filter((f) => out.includes(f)) };
}

function readLayers(v: unknown): Coerced<number[]> {
  const items = list(v);
  if (!items) return fail(msg('layers.list'));
  if (items.length > MAX_LAYERS) return fail(msg('layers.most', { max: MAX_LAYERS }));
  const out: number[] = [];
  for (const it of items) {
    const c = coerceNumber('units', it);
    if (!c.ok) return fail(msg('prefixed', { name: 'layers', error: c.error }));
    out.push(c.value);
  }
  return { ok: true, value: out };
}

function readActivations(v: unknown): Coerced<Activation[]> {
  const items = list(v);
  if (!items) return fail(msg('activation', { list: ACTIVATIONS.join(', ') }));
  const out: Activation[] = [];
  for (const it of items) {
    const c = oneOf('activation', ACTIVATIONS, it);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return { ok: true, value: out };
}

function readDropout(v: unknown): Coerced<number[]> {
  const items = list(v);
  if (!items) return fail(msg('dropout'));
  const out: number[] = [];
  for (const it of items) {
    const c = coerceNumber('dropoutRate', it);
    if (!c.ok) return fail(msg('prefixed', { name: 'dropout', error: c.error }));
    out.push(c.value);
  }
  return { ok: true, value: out };
}

function readBatchnorm(v: unknown): Coerced<boolean[]> {
  const items = list(v);
  if (!items) return fail(msg('batchnorm'));
  const out: boolean[] = [];
  for (const it of items) {
    if (it === true || it === 1 || it === '1' || it === 'true' || it === 'on') out.push(true);
    else if (it === false || it === 0 || it === '0' || it === 'false' || it === 'off') out.push(false);
    else return fail(msg('batchnorm'));
  }
  return { ok: true, value: out };
}

/** A learning-rate schedule's text (src/shared/schedule.ts), kept in its canonical form. */
function readSchedule(v: unknown): Coerced<string> {
  if (typeof v !== 'string') return fail(msg('schedule.form'));
  const p = parseSchedule(v);
  if (!p.ok) return fail(msg(`schedule.${p.error}`));
  return { ok: true, value: formatSchedule(p.value) };
}

/** An image model's layer stack (src/shared/imageStack.ts), checked to fit 28 × 28 images, kept in its canonical form. */
function readImageLayers(v: unknown): Coerced<string> {
  if (typeof v !== 'string') return fail(msg('imageLayers.form'));
  const c = checkStack(v);
  // The reason alone: setConfig and the link's notices put the setting's name before it.
  if (!c.ok) return fail(c.reason);
  return { ok: true, value: formatStack(c.layers) };
}

const IMAGE_AUGMENT_RANGES = { shift: 'imgShift', rotate: 'imgRotate', zoom: 'imgZoom', noise: 'imgNoise' } as const;

/** `imageAugment`: an object, or link tokens like `shift:2,rotate:10,zoom:0.1,noise:0.1,flip`; empty or `off` is none. */
function readImageAugment(v: unknown): Coerced<ImageAugment> {
  const out: ImageAugment = { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false };
  const set = (name: keyof typeof IMAGE_AUGMENT_RANGES, value: unknown): string | null => {
    const c = coerceNumber(IMAGE_AUGMENT_RANGES[name], value);
    if (!c.ok) return msg('prefixed', { name: 'imageAugment', error: c.error });
    out[name] = c.value;
    return null;
  };
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Partial<Record<keyof ImageAugment, unknown>>;
    for (const k of Object.keys(o)) if (!(k in out)) return fail(msg('imageAugment.form'));
    for (const k of Object.keys(IMAGE_AUGMENT_RANGES) as (keyof typeof IMAGE_AUGMENT_RANGES)[]) {
      const e = set(k, o[k] ?? 0);
      if (e) return fail(e);
    }
    if (o.flip !== undefined && typeof o.flip !== 'boolean') return fail(msg('imageAugment.flip'));
    out.flip = o.flip ?? false;
    return { ok: true, value: out };
  }
  if (typeof v !== 'string') return fail(msg('imageAugment.form'));
  for (const token of v.split(',').map((t) => t.trim())) {
    if (token === '' || token === 'off') continue;
    if (token === 'flip') {
      out.flip = true;
      continue;
    }
    const [name, value, ...extra] = token.split(':');
    if (!(name in IMAGE_AUGMENT_RANGES) || value === undefined || extra.length) return fail(msg('imageAugment.form'));
    const e = set(name as keyof typeof IMAGE_AUGMENT_RANGES, value);
    if (e) return fail(e);
  }
  return { ok: true, value: out };
}

export function imageAugmentToText(a: ImageAugment): string {
  const parts: string[] = [];
  for (const k of ['shift', 'rotate', 'zoom', 'noise'] as const) if (a[k] > 0) parts.push(`${k}:${a[k]}`);
  if (a.flip) parts.push('flip');
  return parts.length ? parts.join(',') : 'off';
}

function readRestore(v: unknown): Coerced<boolean> {
  if (v === true || v === 'true' || v === '1' || v === 1) return { ok: true, value: true };
  if (v === false || v === 'false' || v === '0' || v === 0) return { ok: true, value: false };
  return fail(msg('restore'));
}

/** A λ: one number for all layers, or a list (array, or comma-separated) with one per weight layer. */
function coerceLambda(key: 'l1' | 'l2', v: unknown): Coerced<Lambda> {
  const items = Array.isArray(v) ? v : typeof v === 'string' && v.includes(',') ? v.split(',').map((t) => t.trim()) : null;
  if (!items) return coerceNumber(key, v);
  if (items.length === 0) return fail(msg('lambdaEmpty', { key }));
  const out: number[] = [];
  for (const it of items) {
    const c = coerceNumber(key, it);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return { ok: true, value: out };
}

/** `augment`: an object, or hash tokens like `jitter:0.3,symmetry`; empty or `off` is none. */
function coerceAugment(v: unknown): Coerced<Augment> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Partial<Augment>;
    const jitter = coerceNumber('jitter', o.jitter ?? 0);
    if (!jitter.ok) return fail(msg('prefixed', { name: 'augment', error: jitter.error }));
    if (o.symmetry !== undefined && typeof o.symmetry !== 'boolean') return fail(msg('augment.symmetry'));
    return { ok: true, value: { jitter: jitter.value, symmetry: o.symmetry ?? false } };
  }
  if (typeof v !== 'string') return fail(msg('augment.form'));
  const out: Augment = { jitter: 0, symmetry: false };
  for (const token of v.split(',').map((t) => t.trim())) {
    if (token === '' || token === 'off') continue;
    if (token === 'symmetry') out.symmetry = true;
    else if (token.startsWith('jitter:')) {
      const c = coerceNumber('jitter', token.slice('jitter:'.length));
      if (!c.ok) return fail(msg('prefixed', { name: 'augment', error: c.error }));
      out.jitter = c.value;
    } else return fail(msg('augment.form'));
  }
  return { ok: true, value: out };
}

export function augmentToText(a: Augment): string {
  const parts = [];
  if (a.jitter > 0) parts.push(`jitter:${a.jitter}`);
  if (a.symmetry) parts.push('symmetry');
  return parts.length ? parts.join(',') : 'off';
}

/**
 * Whether the data set's problem and classes are known here: always, but for the uploaded file
 * when its description (`upload`) is not given. A config that names the file was checked against
 * it when the file was chosen; without the description its problem and loss are kept as they are.
 */
function knows(dataset: DatasetKey, upload: UploadInfo | null): boolean {
  return dataset !== 'upload' || upload !== null;
}

/**
 * Makes a config consistent across fields. Returns the fixed config and a notice for each
 * change a person would want to know about. `upload` describes the loaded CSV file, if any.
 */
export function normalizeConfig(c: ExperimentConfig, upload: UploadInfo | null = null): { config: ExperimentConfig; notices: string[] } {
  const notices: string[] = [];
  const out = { ...c, layers: [...c.layers], activations: [...c.activations], features: [...c.features], slice: [...c.slice] };
  if (knows(out.dataset, upload)) {
    const info = datasetInfo(out.dataset, upload);
    if (out.problem !== info.problem) {
      notices.push(msg('notices.problem', { problem: out.problem, dataset: out.dataset, using: info.problem }));
      out.problem = info.problem;
    }
    const losses = lossesFor(out.dataset, upload);
    if (!losses.includes(out.loss)) {
      notices.push(msg('notices.loss', { loss: out.loss, dataset: out.dataset, using: losses[0] }));
      out.loss = losses[0];
    }
  }
  if (out.trainPct + out.valPct > 100 - MIN_TEST_PCT) {
    out.valPct = Math.max(RANGES.valPct.min, 100 - MIN_TEST_PCT - out.trainPct);
    notices.push(msg('notices.split', { max: 100 - MIN_TEST_PCT, val: out.valPct }));
  }
  // One activation applies to every layer; a list is matched to the layers, padded with its last.
  const acts = out.activations.length ? out.activations : DEFAULT_CONFIG.activations;
  out.activations = out.layers.map((_, i) => acts[Math.min(i, acts.length - 1)] ?? 'tanh');
  // Dropout rates follow the layers; a missing rate is 0 (no dropout).
  out.dropout = out.layers.map((_, i) => c.dropout[i] ?? 0);
  // Batch norm follows the layers too; a missing switch is off.
  out.batchnorm = out.layers.map((_, i) => (c.batchnorm ?? [])[i] ?? false);
  out.augment = { ...c.augment };
  out.imageAugment = { ...(c.imageAugment ?? DEFAULT_CONFIG.imageAugment) };
  // Per-layer λ lists follow the weight layers (hidden layers, then the output layer).
  if (Array.isArray(c.l1)) out.l1 = lambdaPerLayer(c.l1, out.layers.length + 1);
  if (Array.isArray(c.l2)) out.l2 = lambdaPerLayer(c.l2, out.layers.length + 1);
  return { config: out, notices };
}

/**
 * Applies a partial config (from a control, a script or a parsed link) to `base`; throws an Error
 * naming every bad field. `upload` describes the loaded CSV file, if any.
 */
export function applyPatch(base: ExperimentConfig, patch: unknown, upload: UploadInfo | null = null): ExperimentConfig {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new Error(msg('notices.expectsObject'));
  }
  const next: Record<string, unknown> = { ...base };
  const errors: string[] = [];
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    const key = fieldOf(k);
    if (!key) {
      unknown.push(k);
      continue;
    }
    const c = coerceField(key, v, upload);
    if (c.ok) next[key] = c.value;
    else errors.push(msg('prefixed', { name: k, error: c.error }));
  }
  if (unknown.length)
    errors.push(
      unknown.length <= 3
        ? unknown.map((k) => msg('notices.unknown', { name: truncate(k) })).join('; ')
        : msg('notices.unknownMany', { count: count(unknown.length), names: unknown.slice(0, 3).map((k) => `"${truncate(k)}"`).join(', ') }),
    );
  if (errors.length) throw new Error(summarize(errors).join('; '));
  const p = patch as Partial<ExperimentConfig>;
  const cfg = next as unknown as ExperimentConfig;
  // A new problem alone picks its first data set; a new data set alone picks its problem and loss.
  if ('problem' in p && !('dataset' in p) && knows(cfg.dataset, upload) && datasetInfo(cfg.dataset, upload).problem !== cfg.problem) {
    cfg.dataset = datasetsFor(cfg.problem, upload)[0].key;
  }
  if ('dataset' in p && !('problem' in p)) cfg.problem = datasetInfo(cfg.dataset, upload).problem;
  if (!('loss' in p) && knows(cfg.dataset, upload) && !lossesFor(cfg.dataset, upload).includes(cfg.loss)) cfg.loss = lossesFor(cfg.dataset, upload)[0];
  if ('layers' in p && !('activations' in p || 'activation' in p)) {
    cfg.activations = cfg.layers.map((_, i) => base.activations[i] ?? base.activations.at(-1) ?? 'tanh');
  }
  if ('layers' in p && !('dropout' in p)) cfg.dropout = cfg.layers.map((_, i) => base.dropout[i] ?? base.dropout.at(-1) ?? 0);
  if ('layers' in p && !('batchnorm' in p)) cfg.batchnorm = cfg.layers.map((_, i) => base.batchnorm[i] ?? base.batchnorm.at(-1) ?? false);
  const { config, notices } = normalizeConfig(cfg, upload);
  if (notices.length) throw new Error(notices.join('; '));
  return config;
}

export function configToHash(c: ExperimentConfig): string {
  const p = new URLSearchParams();
  p.set(VERSION_KEY, String(HASH_VERSION));
  for (const f of FIELDS) p.set(f.hash, f.write(c[f.key]));
  // Commas are safe in a fragment; keep them readable.
  return '#' + p.toString().replace(/%2C/g, ',');
}

/**
 * Reads a URL hash; unknown keys are ignored, bad values fall back to defaults with a notice.
 * `upload` describes the loaded CSV file, if any (a fresh page has none).
 */
export function parseHash(hash: string, upload: UploadInfo | null = null): { config: ExperimentConfig; notices: string[] } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const notices: string[] = [];
  const cfg: Record<string, unknown> = { ...DEFAULT_CONFIG };
  if (text.trim() === '') return { config: { ...DEFAULT_CONFIG }, notices };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { config: { ...DEFAULT_CONFIG }, notices: [msg('notices.unreadable')] };
  }
  const given = new Set<Key>();
  const unknown: string[] = [];
  for (const [hashKey, raw] of params) {
    if (hashKey === VERSION_KEY) {
      notices.push(...versionNotice(raw));
      continue;
    }
    // How the page is shown (language, lesson, classroom keys): not settings, read by src/page.
    if (isPageKey(hashKey)) continue;
    const key = FIELD_BY_HASH_KEY.get(hashKey);
    if (!key) {
      unknown.push(hashKey);
      continue;
    }
    const c = coerceField(key, raw, upload);
    if (c.ok) {
      cfg[key] = c.value;
      given.add(key);
    } else {
      // A key given twice counts once, by its last value, as URLSearchParams.get would read it.
      given.delete(key);
      cfg[key] = DEFAULT_CONFIG[key];
      notices.push(msg('notices.badValue', { key: hashKey, error: c.error, raw: truncate(raw) }));
    }
  }
  notices.push(...unknownNotice(unknown));
  const typed = cfg as unknown as ExperimentConfig;
  if (given.has('problem') && !given.has('dataset') && datasetInfo(typed.dataset, upload).problem !== typed.problem) {
    typed.dataset = datasetsFor(typed.problem, upload)[0].key;
    given.add('dataset');
  }
  if (given.has('dataset') && !given.has('problem')) typed.problem = datasetInfo(typed.dataset, upload).problem;
  if (given.has('dataset') && !given.has('loss')) typed.loss = lossesFor(typed.dataset, upload)[0];
  if (given.has('layers') && !given.has('activations')) typed.activations = [];
  const norm = normalizeConfig(typed, upload);
  return { config: norm.config, notices: summarize([...notices, ...norm.notices]) };
}

/**
 * What a link's version says: nothing for this version (or an older one, read the same today); a
 * notice for a newer or unreadable one, whose settings are still read as far as they are known.
 */
function versionNotice(raw: string): string[] {
  const t = raw.trim();
  if (!/^\d{1,9}$/.test(t)) return [msg('notices.version', { raw: truncate(raw), version: HASH_VERSION })];
  const v = Number(t);
  if (v > HASH_VERSION) return [msg('notices.newer', { v, version: HASH_VERSION })];
  return [];
}

function truncate(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
