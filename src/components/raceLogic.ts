// Pure logic of the optimizer race panel: default rates, epochs to a target, legend text and the
// chart's rows. No React, no tfjs (tested in raceLogic.test.ts).
import { OPTIMIZER_LABELS, OPTIMIZERS, type ExperimentConfig, type OptimizerKey } from '../shared/config';
import type { RaceEntry } from '../shared/race';
import { OPTIMIZER_COLORS } from './colors';

/**
 * A usual starting rate per optimizer for a small network like the playground's: plain SGD wants
 * a larger step than momentum (whose velocity adds up to about lr/(1 − β), 10× at β 0.9) or the
 * adaptive methods (Adam and RMSprop take steps of about lr per weight). Adagrad's steps shrink
 * as its squares add up, so it starts higher.
 */
export const USUAL_RATES: Record<OptimizerKey, number> = { sgd: 0.1, momentum: 0.01, adam: 0.01, rmsprop: 0.01, adagrad: 0.1 };

/** The race's default rates: the usual rate for each optimizer, except the config's own optimizer, which keeps the config's rate. */
export function defaultRates(config: Pick<ExperimentConfig, 'optimizer' | 'lr'>): Record<OptimizerKey, number> {
  return { ...USUAL_RATES, [config.optimizer]: config.lr };
}

/** The first epoch whose training loss is at or below `target`, or null (never, or no target). */
export function epochsToTarget(trainLoss: readonly number[], target: number | null | undefined): number | null {
  if (target === null || target === undefined || !Number.isFinite(target)) return null;
  const i = trainLoss.findIndex((v) => Number.isFinite(v) && v <= target);
  return i < 0 ? null : i;
}

/** A rate or coefficient, short: 0.01, 0.001, 1e-7. */
export function shortNumber(v: number): string {
  if (v !== 0 && Math.abs(v) < 1e-4) return v.toExponential().replace(/\.?0+e/, 'e').replace('e-', 'e-');
  return String(Number(v.toPrecision(4)));
}

/**
 * The legend's text for a racer: its name and settings, e.g. "Adam, lr 0.01, β₁ 0.9, β₂ 0.999".
 * `rate` is the word for the learning rate and `name` the optimizer's name in the page's language.
 */
export function legendText(optimizer: OptimizerKey, lr: number, c: Pick<ExperimentConfig, 'momentum' | 'beta1' | 'beta2' | 'epsilon'>, rate = 'lr', name = OPTIMIZER_LABELS[optimizer]): string {
  const parts = [name, `${rate} ${shortNumber(lr)}`];
  if (optimizer === 'momentum') parts.push(`β ${shortNumber(c.momentum)}`);
  if (optimizer === 'adam') parts.push(`β₁ ${shortNumber(c.beta1)}`, `β₂ ${shortNumber(c.beta2)}`);
  if (optimizer === 'rmsprop') parts.push(`ρ 0.9`);
  if (optimizer === 'adam' || optimizer === 'rmsprop') parts.push(`ε ${shortNumber(c.epsilon)}`);
  return parts.join(', ');
}

/** The optimizers' colours (colors.ts), the same in the chart, the table and the loss surface. */
export const RACE_COLOURS = OPTIMIZER_COLORS;

/** Most points per curve on the chart (long races are thinned evenly, the last epoch kept). */
export const CHART_POINTS = 400;

export type RaceChartRow = { epoch: number } & Record<string, number | null>;

/**
 * The chart's rows: one per epoch shown, with `train:<optimizer>` and `val:<optimizer>` for each
 * racer (null where a loss is not finite, so a diverged racer's line stops instead of breaking the axis).
 */
export function raceChartRows(entries: readonly RaceEntry[], maxPoints = CHART_POINTS): RaceChartRow[] {
  const n = Math.max(0, ...entries.map((e) => e.trainLoss.length));
  if (n === 0) return [];
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const epochs: number[] = [];
  for (let e = 0; e < n; e += step) epochs.push(e);
  if (epochs[epochs.length - 1] !== n - 1) epochs.push(n - 1);
  const val = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  return epochs.map((epoch) => {
    const row: RaceChartRow = { epoch } as RaceChartRow;
    for (const e of entries) {
      row[`train:${e.optimizer}`] = val(e.trainLoss[epoch]);
      row[`val:${e.optimizer}`] = val(e.valLoss[epoch]);
    }
    return row;
  });
}

/** The loss axis' top: a little above the highest starting loss, so a racer that blows up does not flatten the others. */
export function lossAxisTop(entries: readonly RaceEntry[]): number | 'auto' {
  const starts = entries.flatMap((e) => [e.trainLoss[0], e.valLoss[0]]).filter((v) => v !== undefined && Number.isFinite(v));
  if (starts.length === 0) return 'auto';
  return Math.max(...starts) * 1.25;
}

export const ALL_OPTIMIZERS = OPTIMIZERS;
