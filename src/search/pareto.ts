// The Pareto front of a two-objective search: the trials no other trial beats on both the
// objective (lower loss, or higher accuracy) and the second objective (lower is better), i.e.
// every trade-off worth applying. Pure.
import type { Objective, TrialRecord } from './types';

export interface ParetoPoint {
  trial: TrialRecord;
  /** The first objective (the trial's mean). */
  first: number;
  /** The second objective (parameter count or ms). */
  second: number;
}

/** Whether a is at least as good as b on both objectives and better on one (first: lower, or higher for accuracy; second: lower). */
export function dominates(a: ParetoPoint, b: ParetoPoint, objective: Objective): boolean {
  const sign = objective === 'accuracy' ? -1 : 1;
  const a1 = sign * a.first;
  const b1 = sign * b.first;
  return a1 <= b1 && a.second <= b.second && (a1 < b1 || a.second < b.second);
}

/**
 * The non-dominated points among those with finite objectives (trials stopped early by a
 * pruner are left out: their score is of a shorter training), by the first objective, best
 * first (ties by the second). Equal points do not dominate each other: all stay on the front.
 */
export function paretoFront(points: readonly ParetoPoint[], objective: Objective): ParetoPoint[] {
  const ok = points.filter((p) => Number.isFinite(p.first) && Number.isFinite(p.second) && !p.trial.pruned);
  const front = ok.filter((p) => !ok.some((q) => q !== p && dominates(q, p, objective)));
  const sign = objective === 'accuracy' ? -1 : 1;
  return front.sort((a, b) => sign * (a.first - b.first) || a.second - b.second || a.trial.index - b.trial.index);
}
