// The one rule for what a changed setting does to the run in progress. `Trainer.update` applies
// a change only when this rule says it is live; the training client picks, by the same rule,
// between updating the running model, a new model (run), a new worker or just a new view; the
// README's list of live settings is checked against LIVE_SETTINGS by a test. Pure, no tfjs: the
// page imports it too.
import type { ExperimentConfig } from '../shared/config';

type Key = keyof ExperimentConfig;

/**
 * What a change of each setting needs:
 * - 'live': applied to the running model; weights, epoch count and curves go on (the epoch
 *   budget and the pace are read by the run loop between epochs). A new
 *   optimizer (or a new β, ε or momentum) starts with fresh optimizer state.
 * - 'new run': a new model from the seeded weights: the data, the network's shape, or the loss
 *   (the curves so far and the baseline they are judged against are in the old loss's units).
 * - 'new worker': the backend, which a worker picks once when it starts.
 * - 'view': a table's boundary slice: only the drawing changes, the model trains on.
 */
export const SETTING_CHANGES: Record<Key, 'live' | 'new run' | 'new worker' | 'view'> = {
  dataset: 'new run',
  problem: 'new run',
  samples: 'new run',
  noise: 'new run',
  seed: 'new run',
  trainPct: 'new run',
  valPct: 'new run',
  features: 'new run',
  layers: 'new run',
  activations: 'new run',
  init: 'new run',
  loss: 'new run',
  optimizer: 'live',
  lr: 'live',
  batch: 'live',
  momentum: 'live',
  beta1: 'live',
  beta2: 'live',
  epsilon: 'live',
  backend: 'new worker',
  l1: 'live',
  l2: 'live',
  dropout: 'live',
  // A new layer kind (with its own scale, shift and running averages) means a new model.
  batchnorm: 'new run',
  // Both are read at each epoch's start: the rate of the epoch from the (live) base rate.
  schedule: 'live',
  clip: 'live',
  augment: 'live',
  images: 'new run',
  imageLayers: 'new run',
  // Read by the image trainer at each epoch's augmentation.
  imageAugment: 'live',
  patience: 'live',
  minDelta: 'live',
  restoreBest: 'live',
  slice: 'view',
  // The worker's run loop reads both between epochs: the stop epoch and the pace of a run.
  epochs: 'live',
  pace: 'live',
};

/** The settings a running model takes without a reset. */
export const LIVE_SETTINGS: readonly Key[] = (Object.keys(SETTING_CHANGES) as Key[]).filter((k) => SETTING_CHANGES[k] === 'live');

/** How to apply a change of these settings: the most a single one of them needs. */
export type HowToApply = 'nothing' | 'live' | 'view' | 'new run' | 'new worker';

export function howToApply(changed: readonly Key[]): HowToApply {
  if (changed.length === 0) return 'nothing';
  const needs = new Set(changed.map((k) => SETTING_CHANGES[k]));
  if (needs.has('new worker')) return 'new worker';
  // A new slice together with live changes: the new run draws both at once.
  if (needs.has('new run') || needs.size > 1) return 'new run';
  return needs.has('view') ? 'view' : 'live';
}

/** The settings whose values differ between two configs (compared by value), among those `b` gives. */
export function changedSettings(a: Partial<ExperimentConfig>, b: Partial<ExperimentConfig>): Key[] {
  return (Object.keys(b) as Key[]).filter((k) => Object.hasOwn(SETTING_CHANGES, k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * What the running model makes of a change: 'applied' when every setting that concerns it
 * (all but the backend and the slice, which the worker and the view handle) is live, else
 * 'needs a new run'.
 */
export function modelVerdict(changed: readonly Key[]): 'applied' | 'needs a new run' {
  return changed.some((k) => SETTING_CHANGES[k] === 'new run') ? 'needs a new run' : 'applied';
}
