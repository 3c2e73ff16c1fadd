// Pure helpers the checks of lessons 6–10 share: what counts as a remedy, the train/validation
// gap, the penalty's share of the minimized loss, the best search trial and whether it is in
// use. Everything reads the store and the lesson log only, so the unit tests can script both.
import { lambdaMax, type ExperimentConfig } from '../../shared/config';
import type { Trial, TrialRecord } from '../../search/types';
import type { Store } from '../../store/store';
import type { RunRecord } from '../types';

/** A regularizing setting is on: an L1/L2 penalty, dropout, or augmentation of the training points. */
export function regularized(c: ExperimentConfig): boolean {
  return lambdaMax(c.l1) > 0 || lambdaMax(c.l2) > 0 || c.dropout.some((d) => d > 0) || c.augment.jitter > 0 || c.augment.symmetry;
}

/** Validation loss minus training loss at the run's last epoch (NaN when either is unknown). */
export function gap(r: RunRecord): number {
  return r.valLoss - r.trainLoss;
}

/** A run long enough for its gap to mean something (the overfitting setups overfit by epoch ~70). */
export const MIN_GAP_EPOCHS = 100;

/** The remedy run's gap may be at most this share of the gap without it. */
export const MAX_GAP_RATIO = 0.75;

/**
 * `after` started with a remedy `before` started without (a penalty, dropout, augmentation, or
 * more points), trained about as long (≥ 80% of its epochs, so a shorter run does not win by
 * stopping early), and ended with a train/validation gap at most 75% of `before`'s, which had
 * really opened up. The configs the runs *started* with are compared: a run's `finalConfig` also
 * takes edits made after its last epoch (the remedy typed in before pressing "Start fresh").
 * Measured on the lesson's set-up (cpu): at epoch 150, no remedy 0.16–0.23, L2 λ = 0.01 about a
 * third of that, dropout 0.3 a quarter to a third, jitter σ 0.3 a third to 0.72, L1 λ = 0.001
 * 0.6–0.65; at epoch 100, L2 λ = 0.01 keeps 36–40% of the gap (the lesson's budget is 120).
 */
export function gapShrank(before: RunRecord, after: RunRecord): boolean {
  const b = before.config;
  const a = after.config;
  const remedy = (!regularized(b) && regularized(a)) || a.samples > b.samples;
  if (!remedy) return false;
  if (before.epochs < MIN_GAP_EPOCHS || after.epochs < 0.8 * before.epochs) return false;
  const g0 = gap(before);
  const g1 = gap(after);
  return Number.isFinite(g0) && Number.isFinite(g1) && g0 > 0.02 && g1 <= MAX_GAP_RATIO * g0;
}

/** Some later run shrank the gap of some earlier run that had no remedy. */
export function someGapShrank(runs: readonly RunRecord[]): boolean {
  return runs.some((before, i) => runs.slice(i + 1).some((after) => gapShrank(before, after)));
}

/** The weight penalty's share of what the optimizer minimizes (data loss + penalty), at the last epoch; 0 without one. */
export function penaltyShare(s: Store): number {
  const last = s.metrics.last;
  const p = last?.penalty ?? 0;
  if (!last || !(p > 0) || !Number.isFinite(last.trainLoss)) return 0;
  return p / (last.trainLoss + p);
}

/** The best finished trial (lowest mean loss, or highest mean accuracy), as the search panel highlights it. */
export function bestOf(trials: readonly TrialRecord[], objective: 'loss' | 'accuracy' = 'loss'): TrialRecord | null {
  let best: TrialRecord | null = null;
  for (const t of trials) {
    if (!Number.isFinite(t.mean)) continue;
    if (!best || (objective === 'accuracy' ? t.mean > best.mean : t.mean < best.mean)) best = t;
  }
  return best;
}

/** The config holds every value of the trial (as "Apply best" sets them: units and rates on every hidden layer). */
export function configHasTrial(c: ExperimentConfig, trial: Trial): boolean {
  const keys = Object.keys(trial) as (keyof Trial)[];
  if (keys.length === 0) return false;
  return keys.every((k) => {
    const v = trial[k];
    switch (k) {
      case 'lr':
        return c.lr === Number(v);
      case 'batch':
        return c.batch === Number(v);
      case 'units':
        return c.layers.length > 0 && c.layers.every((u) => u === Number(v));
      case 'layers':
        return c.layers.length === Number(v);
      case 'l2':
        return typeof c.l2 === 'number' && c.l2 === Number(v);
      case 'dropout':
        return c.dropout.every((d) => d === Number(v));
      case 'optimizer':
        return c.optimizer === v;
      case 'activation':
        return c.activations.every((a) => a === v);
      default:
        return false;
    }
  });
}
