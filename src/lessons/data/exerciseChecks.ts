// Pure helpers for the exercises' checks: which settings two configs differ in, hidden units,
// and which overfitting remedy a run applied to the Overfit preset. No store, no tfjs: the unit
// tests build RunRecords by hand.
import { DEFAULT_CONFIG, lambdaMax, type ExperimentConfig } from '../../shared/config';
import { PRESETS } from '../../shared/presets';
import type { Store } from '../../store/store';
import type { LessonLog, RunRecord } from '../types';

type Key = keyof ExperimentConfig;

/** Settings that steer a run (its length, pace, engine, drawing) without changing what it learns. */
const STEERING: ReadonlySet<Key> = new Set<Key>(['epochs', 'pace', 'backend', 'slice']);

/**
 * A config as far as what it learns goes: the early-stopping details do not matter while
 * patience is 0 (off), nor momentum and Adam's β, ε for optimizers that do not use them.
 */
function normalized(c: ExperimentConfig): ExperimentConfig {
  const n = { ...c };
  if (n.patience === 0) {
    n.minDelta = DEFAULT_CONFIG.minDelta;
    n.restoreBest = DEFAULT_CONFIG.restoreBest;
  }
  if (n.optimizer !== 'momentum') n.momentum = DEFAULT_CONFIG.momentum;
  if (n.optimizer !== 'adam') {
    n.beta1 = DEFAULT_CONFIG.beta1;
    n.beta2 = DEFAULT_CONFIG.beta2;
  }
  if (n.optimizer !== 'adam' && n.optimizer !== 'rmsprop' && n.optimizer !== 'adagrad') n.epsilon = DEFAULT_CONFIG.epsilon;
  // One λ for all layers or the same λ per layer is the same penalty.
  if (Array.isArray(n.l1) && n.l1.every((v) => v === (n.l1 as number[])[0])) n.l1 = n.l1[0] ?? 0;
  if (Array.isArray(n.l2) && n.l2.every((v) => v === (n.l2 as number[])[0])) n.l2 = n.l2[0] ?? 0;
  // Features are a set.
  n.features = [...n.features].sort();
  return n;
}

/** The settings (other than run length, pace, backend and slice) in which two configs differ, after `normalized`. */
export function differences(a: ExperimentConfig, b: ExperimentConfig): Key[] {
  const na = normalized(a);
  const nb = normalized(b);
  return (Object.keys(na) as Key[]).filter((k) => !STEERING.has(k) && JSON.stringify(na[k]) !== JSON.stringify(nb[k]));
}

/** The full config a lesson's set-up gives (its settings over the defaults). */
export const fromSetup = (setup: Partial<ExperimentConfig>): ExperimentConfig => ({ ...DEFAULT_CONFIG, ...setup });

/** Hidden units in all. */
export const hiddenUnits = (c: ExperimentConfig): number => c.layers.reduce((a, u) => a + u, 0);

/** The inputs are exactly these features (in any order). */
export const featuresAre = (c: ExperimentConfig, fs: readonly string[]): boolean => c.features.length === fs.length && fs.every((f) => c.features.includes(f as never));

/** The data (set, points, noise, seed, split) of two configs is the same: the same points in the same roles. */
export const sameData = (a: ExperimentConfig, b: ExperimentConfig): boolean =>
  (['dataset', 'problem', 'samples', 'noise', 'seed', 'trainPct', 'valPct'] as const).every((k) => a[k] === b[k]);

/** Validation minus training loss at the run's last epoch (NaN when either is missing). */
export const gap = (r: RunRecord): number => r.valLoss - r.trainLoss;

/** The current run's lowest training loss at epochs 1..`epoch`, from the store's history (Infinity when none). */
export function lowestTrainLossBy(s: Store, epoch: number): number {
  const h = s.metrics;
  let low = Infinity;
  for (let i = 0; i < h.length; i++) {
    const e = h.at(i);
    if (!e || e.epoch > epoch) break;
    if (e.epoch >= 1 && Number.isFinite(e.trainLoss)) low = Math.min(low, e.trainLoss);
  }
  return low;
}

// ---- The Overfit preset and its remedies ----

export const OVERFIT_PRESET: Partial<ExperimentConfig> = PRESETS.find((p) => p.key === 'overfit')!.config;
export const OVERFIT_CONFIG: ExperimentConfig = fromSetup(OVERFIT_PRESET);

export const REMEDIES = ['penalty', 'dropout', 'early-stopping', 'more-data', 'smaller-network'] as const;
export type Remedy = (typeof REMEDIES)[number];

/** The settings each remedy may change (and no others). */
const REMEDY_KEYS: Record<Remedy, readonly Key[]> = {
  penalty: ['l1', 'l2'],
  dropout: ['dropout'],
  'early-stopping': ['patience', 'minDelta', 'restoreBest'],
  // The app's own "… with more data" preset raises the batch with the points, so an epoch takes as many steps.
  'more-data': ['samples', 'batch'],
  'smaller-network': ['layers', 'activations', 'dropout'],
};

/** Whether `c` applies `remedy` to `base` (in the direction that regularizes). */
function applies(remedy: Remedy, c: ExperimentConfig, base: ExperimentConfig): boolean {
  switch (remedy) {
    case 'penalty':
      return lambdaMax(c.l1) > lambdaMax(base.l1) || lambdaMax(c.l2) > lambdaMax(base.l2);
    case 'dropout':
      return c.layers.length === base.layers.length && c.dropout.some((r, i) => r > (base.dropout[i] ?? 0));
    case 'early-stopping':
      return c.patience > 0 && base.patience === 0;
    case 'more-data':
      return c.samples > base.samples;
    case 'smaller-network': {
      // Fewer units in all, the same activation as the preset's layers, no dropout added.
      const act = base.activations[0];
      return hiddenUnits(c) < hiddenUnits(base) && c.activations.every((a) => a === act) && c.dropout.every((r) => r === 0);
    }
  }
}

/**
 * The one remedy `c` applies to the preset `base`, or null: every setting that differs must
 * belong to that one remedy, and the change must go in the direction that fights overfitting.
 */
export function remedyOf(c: ExperimentConfig, base: ExperimentConfig = OVERFIT_CONFIG): Remedy | null {
  const diff = differences(c, base);
  if (diff.length === 0) return null;
  // A smaller network also changes the lengths of activations and dropout: judge it first, then dropout alone.
  const order: Remedy[] = ['smaller-network', 'dropout', 'penalty', 'early-stopping', 'more-data'];
  const fits = order.filter((r) => diff.every((k) => REMEDY_KEYS[r].includes(k)) && applies(r, c, base));
  return fits[0] ?? null;
}

/**
 * A run that started with the preset's own settings (its length, pace and backend aside). Its
 * final config is not asked: a remedy set after the run ended is recorded there as a live edit.
 */
export const isPresetRun = (r: RunRecord, base: ExperimentConfig = OVERFIT_CONFIG): boolean => differences(r.config, base).length === 0;

/**
 * Each run that applied exactly one remedy, with the latest preset run before it that trained at
 * least `presetEpochs` epochs (the mark it has to beat).
 */
export function remedyRuns(log: LessonLog, presetEpochs: number, base: ExperimentConfig = OVERFIT_CONFIG): { run: RunRecord; remedy: Remedy; preset: RunRecord }[] {
  const out: { run: RunRecord; remedy: Remedy; preset: RunRecord }[] = [];
  let preset: RunRecord | null = null;
  for (const r of log.runs) {
    if (isPresetRun(r, base)) {
      if (r.epochs >= presetEpochs) preset = r;
      continue;
    }
    const remedy = remedyOf(r.config, base);
    if (preset && remedy) out.push({ run: r, remedy, preset });
  }
  return out;
}
