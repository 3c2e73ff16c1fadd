// Labels of kept runs by what differs from the config in use now ("L2 0.01 → now 0"), so an
// overlay says what is being compared, not just a run number. Pure: the runs panel and the
// chart's legend both use it, and it is unit-tested. Texts are in the language shown now (the
// panels that call these re-render on a switch).
import { FEATURE_LABELS, INITIALIZER_LABELS, OPTIMIZER_LABELS, type ExperimentConfig } from '../shared/config';
import type { TestResult } from '../shared/protocol';
import { augmentToText, imageAugmentToText } from '../shared/schema';
import { isImages } from '../shared/datasets';
import { DEFAULT_CONFIG } from '../shared/config';
import { formatSig } from '../shared/format';
import { t } from '../i18n/i18n';

type Key = keyof ExperimentConfig;
/** Which sets a setting exists for: image sets, or the 2-D and table sets (absent: all). */
type Family = 'images' | 'points';
const familyOf = (c: ExperimentConfig): Family => (isImages(c.dataset) ? 'images' : 'points');

/** At most this many differences are named; the rest are counted. */
const MAX_NAMED = 3;

/** Each compared setting's short name in the `runs` namespace. */
const SETTING_KEYS = {
  dataset: 'setting.dataset',
  samples: 'setting.samples',
  noise: 'setting.noise',
  seed: 'setting.seed',
  trainPct: 'setting.trainPct',
  valPct: 'setting.valPct',
  features: 'setting.features',
  layers: 'setting.layers',
  activations: 'setting.activations',
  init: 'setting.init',
  loss: 'setting.loss',
  optimizer: 'setting.optimizer',
  lr: 'setting.lr',
  batch: 'setting.batch',
  momentum: 'setting.momentum',
  beta1: 'setting.beta1',
  beta2: 'setting.beta2',
  epsilon: 'setting.epsilon',
  schedule: 'setting.schedule',
  clip: 'setting.clip',
  l1: 'setting.l1',
  l2: 'setting.l2',
  dropout: 'setting.dropout',
  batchnorm: 'setting.batchnorm',
  augment: 'setting.augment',
  patience: 'setting.patience',
  minDelta: 'setting.minDelta',
  restoreBest: 'setting.restoreBest',
  images: 'setting.images',
  imageLayers: 'setting.imageLayers',
  imageAugment: 'setting.imageAugment',
} as const;

/**
 * The settings a label compares, in the order they are named, with a short name and how a value
 * reads. Left out: the backend (same maths), the slice (a view), the budget and the pace (they
 * steer a run, the epoch count says how far it went), `problem` (follows the data set).
 */
const SHOWN: { key: Key & keyof typeof SETTING_KEYS; text?: (c: ExperimentConfig) => string; only?: Family }[] = [
  { key: 'dataset' },
  // Image sets: the training images, the layer stack and the image augmentation (a run saved
  // before images existed had the defaults).
  { key: 'images', text: (c) => String(c.images ?? DEFAULT_CONFIG.images), only: 'images' },
  { key: 'imageLayers', text: (c) => c.imageLayers ?? DEFAULT_CONFIG.imageLayers, only: 'images' },
  { key: 'imageAugment', text: (c) => offText(imageAugmentToText(c.imageAugment ?? DEFAULT_CONFIG.imageAugment)), only: 'images' },
  { key: 'samples', only: 'points' },
  { key: 'noise', only: 'points' },
  { key: 'seed' },
  { key: 'trainPct', only: 'points' },
  { key: 'valPct', only: 'points' },
  { key: 'features', only: 'points', text: (c) => c.features.map((f) => FEATURE_LABELS[f]).join(',') },
  { key: 'layers', only: 'points', text: (c) => (c.layers.length ? c.layers.join('-') : t('value.linear', { ns: 'runs' })) },
  { key: 'activations', only: 'points', text: (c) => (c.activations.length ? sameOrList(c.activations) : t('value.none', { ns: 'runs' })) },
  { key: 'init', only: 'points', text: (c) => INITIALIZER_LABELS[c.init] },
  { key: 'loss' },
  { key: 'optimizer', text: (c) => OPTIMIZER_LABELS[c.optimizer] },
  { key: 'lr' },
  { key: 'batch' },
  { key: 'momentum' },
  { key: 'beta1' },
  { key: 'beta2' },
  { key: 'epsilon' },
  // A run saved before schedules and clipping existed trained at a constant rate, unclipped.
  { key: 'schedule', text: (c) => c.schedule ?? 'constant' },
  { key: 'clip', text: (c) => ((c.clip ?? 0) > 0 ? String(c.clip) : t('value.off', { ns: 'runs' })) },
  { key: 'l1', text: (c) => lambdaText(c.l1) },
  { key: 'l2', text: (c) => lambdaText(c.l2) },
  { key: 'dropout', only: 'points', text: (c) => (c.dropout.length ? sameOrList(c.dropout) : '0') },
  // A run saved before batch norm existed had none.
  { key: 'batchnorm', only: 'points', text: (c) => ((c.batchnorm ?? []).some(Boolean) ? c.batchnorm.map((b) => (b ? 1 : 0)).join(',') : t('value.off', { ns: 'runs' })) },
  { key: 'augment', only: 'points', text: (c) => augmentToText(c.augment) },
  { key: 'patience', text: (c) => (c.patience === 0 ? t('value.off', { ns: 'runs' }) : String(c.patience)) },
  { key: 'minDelta' },
  { key: 'restoreBest', text: (c) => t(c.restoreBest ? 'value.on' : 'value.off', { ns: 'runs' }) },
];

const offText = (s: string) => (s === 'off' ? t('value.off', { ns: 'runs' }) : s);

/** One value for a list whose items are all equal ("relu" for relu,relu), else the list. */
function sameOrList<T>(xs: readonly T[]): string {
  return xs.every((x) => x === xs[0]) ? String(xs[0]) : xs.join(',');
}

function lambdaText(l: number | number[]): string {
  return typeof l === 'number' ? String(l) : sameOrList(l);
}

function valueText(entry: (typeof SHOWN)[number], c: ExperimentConfig): string {
  return entry.text ? entry.text(c) : String(c[entry.key]);
}

/**
 * "L2 0.01 → now 0" for each shown setting that differs between a run's config and the current
 * one; with `now` false, "L2 0.01 → 0" (two runs compared, neither of them the settings now).
 */
export function differences(run: ExperimentConfig, current: ExperimentConfig, now = true): string[] {
  const out: string[] = [];
  for (const entry of SHOWN) {
    // A setting neither run has (the points' hidden layers between two image runs) is not compared.
    if (entry.only && familyOf(run) !== entry.only && familyOf(current) !== entry.only) continue;
    const a = valueText(entry, run);
    const b = valueText(entry, current);
    if (a !== b) out.push(t(now ? 'diff' : 'diffLive', { ns: 'runs', name: t(SETTING_KEYS[entry.key], { ns: 'runs' }), was: a, now: b }));
  }
  return out;
}

export interface LabelledRun {
  id: number;
  config: ExperimentConfig;
  runIndex: number;
  liveEdits: { fromEpoch: number; config: ExperimentConfig; weightsFrom?: number } | null;
}

/**
 * What sets a kept run apart from the config in use and the current run: its differing settings
 * (at most three named), settings changed live during it, or, when nothing differs, its initial
 * weights (another reset) or just "same settings".
 */
export function runDiffLabel(run: LabelledRun, current: ExperimentConfig, currentRunIndex: number): string {
  const diffs = differences(run.config, current);
  const parts = diffs.length > MAX_NAMED ? [...diffs.slice(0, MAX_NAMED), t('more', { ns: 'runs', n: diffs.length - MAX_NAMED })] : [...diffs];
  const sep = t('listSep', { ns: 'runs' });
  if (run.liveEdits) {
    const live = differences(run.config, run.liveEdits.config, false);
    const epoch = run.liveEdits.fromEpoch;
    if (live.length || run.liveEdits.weightsFrom === undefined) parts.push(live.length ? t('liveAtWith', { ns: 'runs', epoch, changes: live.join(sep) }) : t('liveAt', { ns: 'runs', epoch }));
    if (run.liveEdits.weightsFrom !== undefined) parts.push(t('weightsAt', { ns: 'runs', epoch: run.liveEdits.weightsFrom }));
  }
  if (parts.length === 0) parts.push(t(run.runIndex !== currentRunIndex ? 'sameOtherWeights' : 'same', { ns: 'runs' }));
  return parts.join(sep);
}

/** A run's model in a few words: "4-2" (hidden layers), "linear", or on image sets "2000 images · conv:8:3,…" (its training images and stack). */
export function archText(c: ExperimentConfig): string {
  if (isImages(c.dataset)) return t('value.imageArch', { ns: 'runs', images: c.images ?? DEFAULT_CONFIG.images, stack: c.imageLayers ?? DEFAULT_CONFIG.imageLayers });
  return c.layers.length ? c.layers.join('-') : t('value.linear', { ns: 'runs' });
}

/** "test loss 0.312, accuracy 87%" when the run was evaluated on the test split, else ''. */
export function testText(r: TestResult | null): string {
  if (!r) return '';
  const loss = formatSig(r.loss, 3);
  return r.accuracy === null ? t('test', { ns: 'runs', loss }) : t('testAcc', { ns: 'runs', loss, acc: Math.round(r.accuracy * 100) });
}
